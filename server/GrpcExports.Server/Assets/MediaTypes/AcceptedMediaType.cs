using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Assets.MediaTypes;

/// <summary>
/// A media type UploadAsset accepts: the file name extensions that go with it, the kind of asset it makes, and the
/// names the probers give its format: ffprobe's <c>format_name</c>, and for pictures ImageMagick's format (the coder
/// that reads it).
/// </summary>
internal sealed record AcceptedMediaType(string MediaType, AssetKind Kind, string[] Extensions, string FfprobeFormat, string? MagickFormat = null)
{
    /// <summary>Stills and GIFs are read by ImageMagick; everything else by ffprobe.</summary>
    public bool IsPicture => Kind is AssetKind.Image or AssetKind.Gif;
}
