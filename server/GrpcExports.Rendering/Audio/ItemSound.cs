using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// The sound settings an audio or a video item shares: the source's in-point (<c>audioStartFromInSeconds</c> or
/// <c>videoStartFromInSeconds</c>), playback rate, keyframed dB adjustment and fades.
/// </summary>
internal sealed record ItemSound(
    string AssetId,
    double InPointSeconds,
    double PlaybackRate,
    AnimatedNumber DecibelAdjustment,
    double FadeInSeconds,
    double FadeOutSeconds)
{
    /// <summary>The item's sound settings, or null for kinds that make no sound.</summary>
    public static ItemSound? Of(TimelineItem item) => item switch
    {
        AudioItem audio => new ItemSound(audio.AssetId, audio.AudioStartFromInSeconds, audio.PlaybackRate,
            audio.DecibelAdjustment, audio.AudioFadeInDurationInSeconds, audio.AudioFadeOutDurationInSeconds),
        VideoItem video => new ItemSound(video.AssetId, video.VideoStartFromInSeconds, video.PlaybackRate,
            video.DecibelAdjustment, video.AudioFadeInDurationInSeconds, video.AudioFadeOutDurationInSeconds),
        _ => null,
    };
}
