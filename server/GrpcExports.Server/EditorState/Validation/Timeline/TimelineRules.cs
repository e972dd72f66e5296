using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Timeline;

/// <summary>The rules beyond the schema (DESIGN.md section 3), each reporting in document order.</summary>
internal static class TimelineRules
{
    public static void Check(Struct document, ViolationLog log)
    {
        var timeline = TimelineIndex.Read(document);
        IdMatches.Check(timeline, log);
        TrackMembership.Check(timeline, log);
        TrackOverlaps.Check(timeline, log);
        KeyframeRange.Check(timeline, log);
        TransitionNeighbours.Check(timeline, log);
        TransitionDirectionValues.Check(timeline, log);
        AssetReferences.Check(timeline, log);
    }
}
