using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.EditorState.Validation.Timeline;

/// <summary>Items on one track never overlap in time; one may start exactly where another ends.</summary>
internal static class TrackOverlaps
{
    public static void Check(TimelineIndex timeline, ViolationLog log)
    {
        foreach (var track in timeline.Tracks)
        {
            var placed = track.ItemIds
                .Where(entry => timeline.Items.ContainsKey(entry.ItemId))
                .Select(entry => (entry.Position, entry.ItemId, Span: TimelineIndex.Span(timeline.Items[entry.ItemId])))
                .Where(entry => entry.Span is not null)
                .Select(entry => (entry.Position, entry.ItemId, entry.Span!.Value.Start, entry.Span!.Value.End))
                .DistinctBy(entry => entry.ItemId)
                .OrderBy(entry => entry.Start).ThenBy(entry => entry.Position)
                .ToList();
            var latest = 0; // the item that ends last among those before
            for (var index = 1; index < placed.Count; index++)
            {
                var item = placed[index];
                var before = placed[latest];
                if (item.Start < before.End)
                {
                    log.Timeline(ViolationKind.ItemsOverlap, PointerPath.Of("items", item.ItemId, "startTicks"),
                        $"{item.ItemId} starts at {EditorStateTicks.Describe(item.Start)} but {before.ItemId} on {track.Name} "
                        + $"runs until {EditorStateTicks.Describe(before.End)}; items on one track must not overlap.",
                        PointerPath.Of("items", before.ItemId), track.ItemPointer(item.Position));
                }
                if (item.End > before.End)
                {
                    latest = index;
                }
            }
        }
    }
}
