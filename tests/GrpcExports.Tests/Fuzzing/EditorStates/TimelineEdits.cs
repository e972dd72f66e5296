using System.Globalization;
using System.Text.Json.Nodes;

namespace GrpcExports.Tests.Fuzzing.EditorStates;

/// <summary>Edits that keep a document valid as far as they can, so that a good share of the cases get past the validator.</summary>
internal static class TimelineEdits
{
    /// <summary>Copies the last item of one track (picked by <paramref name="choice"/>) to a new id that starts where the track ends.</summary>
    public static void AppendCopyOfItem(JsonNode? root, int choice)
    {
        if (root is not JsonObject document || document["items"] is not JsonObject items || document["tracks"] is not JsonArray { Count: > 0 } tracks
            || tracks[choice % tracks.Count] is not JsonObject track || track["items"] is not JsonArray listed)
        {
            return;
        }
        var placed = listed.Select(id => id is JsonValue value && value.TryGetValue<string>(out var text) ? items[text] as JsonObject : null)
            .OfType<JsonObject>().ToList();
        if (placed.Count == 0)
        {
            return;
        }
        var end = placed.Max(item => Ticks(item["startTicks"]) + Ticks(item["durationTicks"]));
        var copy = (JsonObject)placed[^1].DeepClone();
        var id = "fuzz-item-" + choice.ToString(CultureInfo.InvariantCulture);
        copy["id"] = id;
        copy["startTicks"] = end;
        items[id] = copy;
        listed.Add(id);
    }

    private static long Ticks(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number) ? (long)number : 0;
}
