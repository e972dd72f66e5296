namespace GrpcExports.Rendering.Video;

/// <summary>ffmpeg could not decode a video asset; the message names the asset and ends with what ffmpeg said.</summary>
public sealed class VideoDecodeException(string assetId, string reason, Exception? inner = null)
    : InvalidOperationException($"Video asset '{assetId}' could not be decoded: {reason}", inner)
{
    public string AssetId { get; } = assetId;
}
