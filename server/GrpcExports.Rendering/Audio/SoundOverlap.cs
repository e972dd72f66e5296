using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// How a transition stretches a clip's sound (DESIGN.md section 6): over <c>[cut - d/2, cut + d/2]</c> the outgoing
/// clip keeps playing past its end and the incoming one starts early, and their sounds cross-fade over that
/// window, shaped by each transition's easing (<see cref="CrossfadeFilter"/>). Samples count from the start of the
/// stretched span; the item's own span begins <see cref="LeadSamples"/> in.
/// </summary>
/// <param name="LeadSilenceSamples">Of the lead, how much comes before the source's start (an in-point too close to
/// 0 to start early) and is silence.</param>
/// <param name="OwnSamples">The item's own span, where its own fades and volume keyframes apply.</param>
/// <param name="CrossfadeInSamples">The fade-in window from the span's start (the transition into the clip).</param>
/// <param name="CrossfadeOutSamples">The fade-out window at the span's end (the transition out of the clip).</param>
/// <param name="CrossfadeInEasing">The easing of the transition into the clip.</param>
/// <param name="CrossfadeOutEasing">The easing of the transition out of the clip.</param>
public sealed record SoundOverlap(long LeadSamples, long LeadSilenceSamples, long OwnSamples, long CrossfadeInSamples, long CrossfadeOutSamples,
    Easing CrossfadeInEasing = Easing.Linear, Easing CrossfadeOutEasing = Easing.Linear)
{
    /// <summary>The transitions into and out of <paramref name="itemId"/> on its track, if any.</summary>
    internal static (TimelineTransition? Into, TimelineTransition? OutOf) TransitionsOf(EditorTimeline timeline, string trackId, string itemId) => (
        timeline.Transitions.FirstOrDefault(t => t.TrackId == trackId && t.ToClipId == itemId),
        timeline.Transitions.FirstOrDefault(t => t.TrackId == trackId && t.FromClipId == itemId));
}
