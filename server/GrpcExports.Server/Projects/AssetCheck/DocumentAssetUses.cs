using System.Text.Json.Nodes;
using GrpcExports.Server.Assets.Resolving;

namespace GrpcExports.Server.Projects.AssetCheck;

/// <summary>One entry of a document's <c>assets</c>: its key, what it points at, and the items that use it.</summary>
/// <param name="Inline">A caption entry carrying its captions in the document: there is no file to find.</param>
internal sealed record DocumentAsset(string Key, AssetReference Reference, bool Inline, IReadOnlyList<AssetUse> Uses);

/// <summary>
/// How one item uses an asset: the item's type, and for items that play their source (video, audio) the stretch of the
/// source they play, in seconds.
/// </summary>
internal sealed record AssetUse(string ItemId, string ItemType, double SourceStartSeconds, double SourceEndSeconds);

/// <summary>
/// Reads the asset entries of an editor state (already validated) and the items that use each: every item in
/// <c>items</c> with an <c>assetId</c>, whatever its type, and an image <c>globalBackground</c>. Read from the JSON
/// itself so that items the renderer has no model for (captions, gifs, lottie) count too.
/// </summary>
internal static class DocumentAssetUses
{
    public const string BackgroundUser = "globalBackground";

    public static IReadOnlyList<DocumentAsset> Read(string editorStateJson)
    {
        var document = JsonNode.Parse(editorStateJson)!.AsObject();
        var ticksPerSecond = (double?)document["timebaseTicksPerSecond"] ?? 1;
        var uses = new Dictionary<string, List<AssetUse>>(StringComparer.Ordinal);
        foreach (var (itemId, node) in document["items"]?.AsObject() ?? [])
        {
            if (node is JsonObject item && Text(item, "assetId") is { } assetKey)
            {
                Add(uses, assetKey, Use(itemId, item, ticksPerSecond));
            }
        }
        if (document["globalBackground"] is JsonObject background && Text(background, "imageAssetId") is { } backgroundKey)
        {
            Add(uses, backgroundKey, new AssetUse(BackgroundUser, "image", 0, 0));
        }
        return (document["assets"]?.AsObject() ?? []).OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry =>
        {
            var asset = entry.Value as JsonObject ?? [];
            var inline = Text(asset, "type") == "caption" && asset["captions"] is JsonArray;
            return new DocumentAsset(entry.Key, AssetReference.Of(Text(asset, "remoteKey"), Text(asset, "filename")), inline,
                uses.TryGetValue(entry.Key, out var users) ? users.OrderBy(use => use.ItemId, StringComparer.Ordinal).ToList() : []);
        }).ToList();
    }

    private static AssetUse Use(string itemId, JsonObject item, double ticksPerSecond)
    {
        var type = Text(item, "type") ?? "";
        var startField = type switch { "video" => "videoStartFromInSeconds", "audio" => "audioStartFromInSeconds", _ => null };
        if (startField is null)
        {
            return new AssetUse(itemId, type, 0, 0);
        }
        var start = (double?)item[startField] ?? 0;
        var rate = (double?)item["playbackRate"] ?? 1;
        var seconds = ((double?)item["durationTicks"] ?? 0) / ticksPerSecond;
        return new AssetUse(itemId, type, start, start + seconds * rate);
    }

    private static void Add(Dictionary<string, List<AssetUse>> uses, string assetKey, AssetUse use)
    {
        if (!uses.TryGetValue(assetKey, out var list))
        {
            uses[assetKey] = list = [];
        }
        list.Add(use);
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
