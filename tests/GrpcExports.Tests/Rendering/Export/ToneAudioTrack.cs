using System.Globalization;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Export;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>
/// Stands in for the audio mixer (Rendering/Audio, being written beside this) behind its interface: when
/// <paramref name="audible"/>, a real 440 Hz WAV of the export's exact length written by ffmpeg, in the mixer's format.
/// </summary>
public sealed class ToneAudioTrack(bool audible) : IAudioTrackSource
{
    public async Task<bool> WriteMixAsync(EditorTimeline timeline, IAssetResolver assets, FrameRate fps, long frameCount,
        string wavPath, CancellationToken cancellationToken)
    {
        if (!audible)
        {
            return false;
        }
        var seconds = (double)frameCount * fps.Denominator / fps.Numerator;
        await ToolProcess.RunAsync(MediaTools.Default.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
             "-i", string.Create(CultureInfo.InvariantCulture, $"sine=frequency=440:sample_rate=48000:duration={seconds}"),
             "-ac", "2", "-c:a", "pcm_s16le", wavPath],
            cancellationToken: cancellationToken);
        return true;
    }
}
