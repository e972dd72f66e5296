using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.EditorState.Validation.Timeline;

/// <summary>The key of an entry of "assets", "items" or "transitions" is the "id" inside it.</summary>
internal static class IdMatches
{
    public static void Check(TimelineIndex timeline, ViolationLog log)
    {
        CheckMap("assets", timeline.Assets, log);
        CheckMap("items", timeline.Items, log);
        CheckMap("transitions", timeline.Transitions, log);
    }

    private static void CheckMap(string name, IReadOnlyDictionary<string, Struct> entries, ViolationLog log)
    {
        foreach (var (key, entry) in entries)
        {
            if (TimelineIndex.Text(entry, "id") is { } id && id != key)
            {
                log.Timeline(ViolationKind.IdMismatch, PointerPath.Of(name, key, "id"),
                    $"The entry {key} of {name} has the id {id}; an entry's id must equal its key.");
            }
        }
    }
}
