using Google.Protobuf.WellKnownTypes;
using GrpcExports.Tests.Rendering;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Exports;

/// <summary>Small documents to export, so renders stay quick.</summary>
internal static class ExportDocuments
{
    /// <summary>A <paramref name="width"/>x<paramref name="height"/> composition filled by one solid colour for <paramref name="seconds"/>.</summary>
    public static Struct SolidColour(string color, double seconds, int width = 160, int height = 90) =>
        Projects.ProjectDocuments.Parse(new EditorStateDocument(width, height)
            .Track("track-1", "solid")
            .Solid("solid", color, 0, Seconds(seconds), left: 0, top: 0, width: width, height: height)
            .ToJson());

    /// <summary>A composition whose one image item shows <paramref name="file"/> from the media directory.</summary>
    public static Struct ImageFromMedia(string file, double seconds) =>
        Projects.ProjectDocuments.Parse(new EditorStateDocument(160, 90)
            .Track("track-1", "image")
            .ImageAsset("picture", file, 160, 90)
            .Image("image", "picture", 0, Seconds(seconds), left: 0, top: 0, width: 160, height: 90)
            .ToJson());

    /// <summary>A composition showing <paramref name="file"/> from the media directory, a video of that size.</summary>
    public static Struct VideoFromMedia(string file, int width, int height, double seconds) =>
        Projects.ProjectDocuments.Parse(new EditorStateDocument(width, height)
            .Track("track-1", "video")
            .VideoAsset("clip", file, width, height, seconds)
            .Video("video", "clip", 0, Seconds(seconds), left: 0, top: 0, width: width, height: height)
            .ToJson());
}
