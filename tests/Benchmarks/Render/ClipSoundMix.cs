using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Export;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace Benchmarks.Render;

/// <summary>
/// The reference composition's sound for our export, mixed by ffmpeg with the same filter as the hand-written command,
/// standing in for the audio mixer (Rendering/Audio) until it is merged: the export then pays the same audio cost.
/// </summary>
public sealed class ClipSoundMix(ReferenceComposition composition, MediaTools tools) : IAudioTrackSource
{
    public async Task<bool> WriteMixAsync(EditorTimeline timeline, IAssetResolver assets, FrameRate fps, long frameCount,
        string wavPath, CancellationToken cancellationToken)
    {
        await ToolProcess.RunAsync(tools.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-y", "-i", composition.ClipA, "-i", composition.ClipB,
             "-filter_complex", ReferenceComposition.AudioFilter, "-ar", "48000", "-ac", "2", "-c:a", "pcm_s16le", wavPath],
            cancellationToken: cancellationToken);
        return true;
    }
}
