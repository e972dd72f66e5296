using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Export;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Audio;

/// <summary>An export's sound from its own timeline: the <see cref="AudioMixer"/> mix of every audible item.</summary>
public sealed class TimelineAudioMix(MediaTools tools) : IAudioTrackSource
{
    public async Task<bool> WriteMixAsync(EditorTimeline timeline, IAssetResolver assets, FrameRate fps, long frameCount, string wavPath,
        CancellationToken cancellationToken) =>
        await AudioMixer.MixAsync(tools, timeline, assets, fps, frameCount, wavPath, cancellationToken).ConfigureAwait(false) is not null;
}
