using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Assets.MediaTypes;

/// <summary>
/// The media UploadAsset accepts: videos, audio, still images and GIFs that ffprobe or ImageMagick can probe.
/// Fonts and captions are not accepted yet (they need probers of their own).
/// </summary>
internal static class MediaTypeCatalog
{
    private const string IsoMedia = "mov,mp4,m4a,3gp,3g2,mj2";
    private const string Matroska = "matroska,webm";

    public static IReadOnlyList<AcceptedMediaType> All { get; } =
    [
        new("video/mp4", AssetKind.Video, [".mp4", ".m4v"], IsoMedia),
        new("video/quicktime", AssetKind.Video, [".mov"], IsoMedia),
        new("video/webm", AssetKind.Video, [".webm"], Matroska),
        new("video/x-matroska", AssetKind.Video, [".mkv"], Matroska),
        new("video/mp2t", AssetKind.Video, [".ts", ".m2ts"], "mpegts"),
        new("audio/mpeg", AssetKind.Audio, [".mp3"], "mp3"),
        new("audio/mp4", AssetKind.Audio, [".m4a"], IsoMedia),
        new("audio/aac", AssetKind.Audio, [".aac"], "aac"),
        new("audio/wav", AssetKind.Audio, [".wav"], "wav"),
        new("audio/ogg", AssetKind.Audio, [".ogg", ".oga", ".opus"], "ogg"),
        new("audio/flac", AssetKind.Audio, [".flac"], "flac"),
        new("image/png", AssetKind.Image, [".png"], "png_pipe", "PNG"),
        new("image/jpeg", AssetKind.Image, [".jpg", ".jpeg"], "jpeg_pipe", "JPEG"),
        new("image/webp", AssetKind.Image, [".webp"], "webp_pipe", "WEBP"),
        new("image/gif", AssetKind.Gif, [".gif"], "gif", "GIF"),
    ];

    public static AcceptedMediaType? ByMediaType(string mediaType) =>
        All.FirstOrDefault(type => string.Equals(type.MediaType, mediaType, StringComparison.OrdinalIgnoreCase));

    public static AcceptedMediaType? ByExtension(string extension) =>
        All.FirstOrDefault(type => type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    /// <summary>The accepted types whose content ffprobe names <paramref name="formatName"/>.</summary>
    public static IEnumerable<AcceptedMediaType> ByFfprobeFormat(string formatName) => All.Where(type => type.FfprobeFormat == formatName);

    public static string Extensions => string.Join(", ", All.SelectMany(type => type.Extensions));
}
