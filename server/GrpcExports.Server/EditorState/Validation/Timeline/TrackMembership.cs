using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.EditorState.Validation.Timeline;

/// <summary>Every item is listed by exactly one track, once, and every listed id is an item.</summary>
internal static class TrackMembership
{
    public static void Check(TimelineIndex timeline, ViolationLog log)
    {
        var listedAt = new Dictionary<string, (TrackListing Track, int Position)>(StringComparer.Ordinal);
        foreach (var track in timeline.Tracks)
        {
            foreach (var (position, itemId) in track.ItemIds)
            {
                if (!timeline.Items.ContainsKey(itemId))
                {
                    log.Timeline(ViolationKind.UnknownReference, track.ItemPointer(position),
                        $"{track.Name} lists {itemId}, which is not an item of the document.");
                }
                else if (listedAt.TryGetValue(itemId, out var first))
                {
                    var where = first.Track == track ? "twice" : $"on {first.Track.Name} and on {track.Name}";
                    log.Timeline(ViolationKind.ItemOnSeveralTracks, track.ItemPointer(position),
                        $"{itemId} is listed {where}; an item belongs to one track, once.", first.Track.ItemPointer(first.Position));
                }
                else
                {
                    listedAt[itemId] = (track, position);
                }
            }
        }
        foreach (var itemId in timeline.Items.Keys)
        {
            if (!listedAt.ContainsKey(itemId))
            {
                log.Timeline(ViolationKind.ItemNotOnTrack, PointerPath.Of("items", itemId), $"{itemId} is on no track; every item must be listed by one.");
            }
        }
    }
}
