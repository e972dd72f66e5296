using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.EditorState.Validation.Timeline;

/// <summary>
/// A transition joins two clips of its track that touch: fromClipId ends exactly where toClipId starts, and the
/// transition is no longer than either clip.
/// </summary>
internal static class TransitionNeighbours
{
    public static void Check(TimelineIndex timeline, ViolationLog log)
    {
        foreach (var (transitionId, transition) in timeline.Transitions)
        {
            var trackId = TimelineIndex.Text(transition, "trackId");
            var fromId = TimelineIndex.Text(transition, "fromClipId");
            var toId = TimelineIndex.Text(transition, "toClipId");
            if (trackId is null || fromId is null || toId is null)
            {
                continue;
            }
            var track = timeline.Tracks.FirstOrDefault(candidate => candidate.Id == trackId);
            if (track is null)
            {
                log.Timeline(ViolationKind.UnknownReference, Pointer(transitionId, "trackId"), $"{transitionId} names track {trackId}, which does not exist.");
            }
            var from = Clip(timeline, track, transitionId, "fromClipId", fromId, log);
            var to = Clip(timeline, track, transitionId, "toClipId", toId, log);
            if (from is not { } fromSpan || to is not { } toSpan)
            {
                continue;
            }
            if (fromId == toId || fromSpan.End != toSpan.Start)
            {
                log.Timeline(ViolationKind.TransitionNotAdjacent, Pointer(transitionId, "toClipId"),
                    $"{transitionId} joins {fromId}, which ends at {EditorStateTicks.Describe(fromSpan.End)}, to {toId}, which starts at "
                    + $"{EditorStateTicks.Describe(toSpan.Start)}; a transition joins a clip to the one that starts where it ends.",
                    PointerPath.Of("items", fromId), PointerPath.Of("items", toId));
            }
            else if (TimelineIndex.Ticks(transition, "durationTicks") is { } duration
                && duration > Math.Min(fromSpan.End - fromSpan.Start, toSpan.End - toSpan.Start))
            {
                log.Timeline(ViolationKind.TransitionNotAdjacent, Pointer(transitionId, "durationTicks"),
                    $"{transitionId} lasts {EditorStateTicks.Describe(duration)}, longer than {fromId} or {toId}; a transition is at most as long as its shorter clip.",
                    PointerPath.Of("items", fromId), PointerPath.Of("items", toId));
            }
        }
    }

    /// <summary>The clip's span when it is an item on the transition's track; otherwise reports why not.</summary>
    private static (long Start, long End)? Clip(TimelineIndex timeline, TrackListing? track, string transitionId, string property, string itemId, ViolationLog log)
    {
        if (!timeline.Items.TryGetValue(itemId, out var item))
        {
            log.Timeline(ViolationKind.UnknownReference, Pointer(transitionId, property), $"{transitionId} names clip {itemId}, which is not an item of the document.");
            return null;
        }
        if (track is null)
        {
            return null;
        }
        if (!track.ItemIds.Any(entry => entry.ItemId == itemId))
        {
            log.Timeline(ViolationKind.TransitionNotAdjacent, Pointer(transitionId, property),
                $"{transitionId} is on {track.Name} but {itemId} is not; a transition joins two clips of its own track.", PointerPath.Of("items", itemId));
            return null;
        }
        return TimelineIndex.Span(item);
    }

    private static string Pointer(string transitionId, string property) => PointerPath.Of("transitions", transitionId, property);
}
