using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Export;

/// <summary>
/// Supplies an export's sound: writes the timeline's audio mix as a WAV (pcm_s16le, 48 kHz, stereo) lasting exactly
/// <paramref name="frameCount"/> frames at <paramref name="fps"/>. <see cref="Audio.TimelineAudioMix"/>, the
/// default, mixes the timeline's own sound items.
/// </summary>
public interface IAudioTrackSource
{
    /// <returns>False when nothing is audible (then no file is written and the export has no audio stream).</returns>
    Task<bool> WriteMixAsync(EditorTimeline timeline, IAssetResolver assets, FrameRate fps, long frameCount, string wavPath,
        CancellationToken cancellationToken);
}
