using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Video;

/// <summary>
/// What one decoder produces: the source file from <see cref="SourceStartSeconds"/>, played at
/// <see cref="PlaybackRate"/>, sampled at <see cref="Rate"/>, cropped by <see cref="Crop"/> (source pixels) and sized
/// to <see cref="Width"/> x <see cref="Height"/> (stretched, or fitted between transparent bars). With
/// <see cref="LastSecond"/> it decodes the source's last second instead, for its last frame.
/// </summary>
public sealed record VideoDecodeRequest(
    string AssetId,
    string Path,
    double SourceStartSeconds,
    double PlaybackRate,
    FrameRate Rate,
    PixelCrop Crop,
    int Width,
    int Height,
    bool KeepAspectRatio,
    bool LastSecond = false)
{
    /// <summary>Seconds of export the decoder serves frames for; its time bound grows with them (it is paced by the render).</summary>
    public double ServedSeconds { get; init; }
}
