using System.Text.Json;
using System.Text.Json.Nodes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.EditorState.JsonPatch;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>
/// The facts ValidateProjectFile reports about the editor state inside a file, read leniently from its JSON so that a
/// document with problems is still described as far as it goes.
/// </summary>
internal static class DocumentSummary
{
    /// <summary>Kinds the validator keeps but the renderer cannot draw yet.</summary>
    private static readonly HashSet<string> UndrawableKinds =
        new(["chart", "lottie", "motion-graphic", "illustration", "text-template"], StringComparer.Ordinal);

    public static EditorStateSummary Of(string editorStateJson)
    {
        var document = JsonNodes.Parse(editorStateJson) as JsonObject ?? [];
        var items = document["items"] as JsonObject ?? [];
        var ticksPerSecond = Integer(document["timebaseTicksPerSecond"]);
        var placed = (document["tracks"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(track => (track["items"] as JsonArray ?? []).Select(id => id?.GetValueKind() == JsonValueKind.String ? items[id.GetValue<string>()] : null))
            .OfType<JsonObject>();
        var durationTicks = placed.Select(item => Integer(item["startTicks"]) + Integer(item["durationTicks"])).DefaultIfEmpty(0).Max();
        return new EditorStateSummary
        {
            CompositionWidth = (int)Integer(document["compositionWidth"]),
            CompositionHeight = (int)Integer(document["compositionHeight"]),
            TimebaseTicksPerSecond = ticksPerSecond,
            DurationTicks = durationTicks,
            DurationSeconds = ticksPerSecond > 0 ? (double)durationTicks / ticksPerSecond : 0,
            TrackCount = (document["tracks"] as JsonArray)?.Count ?? 0,
            ItemCount = items.Count,
            AssetCount = (document["assets"] as JsonObject)?.Count ?? 0,
            TransitionCount = (document["transitions"] as JsonObject)?.Count ?? 0,
            KeyframeCount = items.Select(pair => pair.Value).OfType<JsonObject>()
                .Sum(item => item.Select(property => property.Value).OfType<JsonObject>().Sum(value => (value["keyframes"] as JsonArray)?.Count ?? 0)),
            SizeBytes = CompactJsonSize.Of(document),
            UnsupportedItemIds =
            {
                items.Where(pair => pair.Value is JsonObject item && item["type"]?.GetValueKind() == JsonValueKind.String
                        && UndrawableKinds.Contains(item["type"]!.GetValue<string>()))
                    .Select(pair => pair.Key).Order(StringComparer.Ordinal),
            },
        };
    }

    private static long Integer(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number) ? (long)number : 0;
}
