using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Assets;
using GrpcExports.Tests.Projects;
using GrpcExports.Tests.Rendering;

namespace GrpcExports.Tests.ProjectFiles;

/// <summary>
/// A 320x180, 3 s project over uploaded media: a text title (tracks[0]), a picture (0-3 s), a video clip (0-2 s) then a red solid
/// (2-3 s) below it, over a dark grey background. Other sizes of the picture and lengths of the video give other content.
/// </summary>
internal static class SampleProjects
{
    public static readonly double[] SampleSeconds = [0.2, 1.0, 1.8, 2.5];

    public static async Task<(Project Project, UploadAssetResponse Picture, UploadAssetResponse Video)> CreateWithMediaAsync(ProjectFileServer server,
        MediaSamples samples, string title = "Launch teaser", int pictureWidth = 64, double videoSeconds = 3)
    {
        var picture = await server.Assets.UploadAsync("logo.png", await samples.PngAsync(pictureWidth, 48));
        var video = await server.Assets.UploadAsync("clip.mp4", await samples.VideoAsync(videoSeconds));
        var document = new EditorStateDocument(320, 180)
            .BackgroundColor("#202020")
            .ImageAsset("logo-asset", picture.Asset.Id, 64, 48)
            .VideoAsset("clip-asset", video.Asset.Id, 320, 240, 3)
            .Track("titles", "title")
            .Track("pictures", "logo")
            .Track("footage", "clip", "after")
            .Image("logo", "logo-asset", 0, EditorStateDocument.Seconds(3), 10, 10, 128, 96)
            .Text("title", "Hello", 0, EditorStateDocument.Seconds(3), 180, 140, 120, 36, color: "#ffffff")
            .Video("clip", "clip-asset", 0, EditorStateDocument.Seconds(2), 150, 20, 160, 120)
            .Solid("after", "#ff0000", EditorStateDocument.Seconds(2), EditorStateDocument.Seconds(1), 150, 20, 160, 120);
        var created = await server.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = title, Description = "made for the project-file tests", EditorState = ProjectDocuments.Parse(document.ToJson()) },
        });
        return (created.Project, picture, video);
    }
}
