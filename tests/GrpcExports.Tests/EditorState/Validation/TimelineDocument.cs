using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Server.EditorState.Validation;

namespace GrpcExports.Tests.EditorState.Validation;

/// <summary>
/// A small valid editor state to break one rule at a time: track-a holds solid clips a1 [0, 100) and a2 [100, 200),
/// track-b holds image clip b1 [0, 50) of asset-1, and transition t1 joins a1 to a2.
/// </summary>
internal sealed class TimelineDocument
{
    public JsonObject Root { get; } = JsonNode.Parse("""
        {
          "compositionWidth": 1280, "compositionHeight": 720, "timebaseTicksPerSecond": 240000,
          "tracks": [
            {"id": "track-a", "items": ["a1", "a2"], "hidden": false, "muted": false},
            {"id": "track-b", "items": ["b1"], "hidden": false, "muted": false}
          ],
          "assets": {
            "asset-1": {"id": "asset-1", "type": "image", "filename": "logo.png", "size": 1200, "mimeType": "image/png", "width": 64, "height": 64}
          },
          "items": {},
          "transitions": {
            "t1": {"id": "t1", "trackId": "track-a", "fromClipId": "a1", "toClipId": "a2", "type": "fade", "durationTicks": 20}
          }
        }
        """)!.AsObject();

    public TimelineDocument()
    {
        AddSolid("a1", 0, 100);
        AddSolid("a2", 100, 100);
        Items["b1"] = Clip("b1", "image", 0, 50);
        Items["b1"]!["assetId"] = "asset-1";
        Items["b1"]!["keepAspectRatio"] = true;
    }

    public JsonObject Items => Root["items"]!.AsObject();

    public JsonObject Item(string id) => Items[id]!.AsObject();

    public JsonObject Transition(string id) => Root["transitions"]![id]!.AsObject();

    public JsonArray TrackItems(int track) => Root["tracks"]![track]!["items"]!.AsArray();

    /// <summary>Adds a solid clip (listed by no track yet).</summary>
    public JsonObject AddSolid(string id, long start, long duration)
    {
        var item = Clip(id, "solid", start, duration);
        item["color"] = "#ff0000";
        item["shape"] = "rectangle";
        item["keepAspectRatio"] = false;
        Items[id] = item;
        return item;
    }

    public Struct ToStruct() => JsonParser.Default.Parse<Struct>(Root.ToJsonString());

    public EditorStateReport Validate() => EditorStateValidator.Validate(ToStruct());

    /// <summary>The violations as "kind path" lines, e.g. "ItemsOverlap /items/a2/startTicks", in the order reported.</summary>
    public IReadOnlyList<string> Findings() => Validate().Violations.Select(ViolationLines.Of).ToList();

    private static JsonObject Clip(string id, string type, long start, long duration)
    {
        var clip = new JsonObject
        {
            ["id"] = id, ["type"] = type, ["startTicks"] = start, ["durationTicks"] = duration, ["isDraggingInTimeline"] = false,
        };
        foreach (var (name, value) in new[] { ("top", 0), ("left", 0), ("width", 100), ("height", 100), ("scaleX", 1), ("scaleY", 1), ("opacity", 1),
            ("borderRadius", 0), ("rotation", 0) })
        {
            clip[name] = new JsonObject { ["value"] = value, ["keyframes"] = new JsonArray() };
        }
        return clip;
    }
}
