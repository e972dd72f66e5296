using System.Globalization;
using System.Text.Json.Nodes;

namespace GrpcExports.Tests.Fuzzing.EditorStates;

internal enum MutationKind
{
    Drop,
    Duplicate,
    Retype,
    ExtremeNumber,
    NumberLikeString,
    HugeString,
    DeepNesting,
    RenameKey,
    SchemaValue,
    SchemaProperty,
    UnknownItemType,
    BrokenReference,
    NudgeNumber,
    AppendItem,
}

/// <summary>
/// One edit of a document. <see cref="Target"/> picks a node (modulo the node count, in document order) and
/// <see cref="Choice"/> picks among the kind's variants, so a mutation is plain data that FsCheck can print and shrink.
/// </summary>
internal sealed record EditorStateMutation(MutationKind Kind, int Target, int Choice)
{
    /// <summary>Numbers at the edges: too large for an integer or a double's precision, tiny, negative zero, and not numbers at all.</summary>
    private static readonly double[] ExtremeNumbers =
    [
        1e308, -1e308, long.MaxValue, long.MinValue, 9007199254740993, int.MaxValue + 1.0, -1, -0.0, 1e-320, 0.5, 2.5e-7,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    ];

    private static readonly string[] NumberLikeStrings = ["NaN", "Infinity", "-Infinity", "1e309", "0x10", "１２", " 1", "", "-0", "1_000"];

    private static readonly string[] OddKeys = ["a/b", "m~n", "~1", "", "é", "\u0000", "🎬", " ", "items", "__proto__"];

    private static readonly int[] HugeStringLengths = [1_000, 10_000, 100_000];

    /// <summary>Applies the edit to <paramref name="root"/> in place (it may replace the root itself) and returns the root.</summary>
    public JsonNode? ApplyTo(JsonNode? root)
    {
        var nodes = NodeLocation.All(root);
        var at = nodes[Target % nodes.Count];
        switch (Kind)
        {
            case MutationKind.Drop:
                at.Remove();
                return at.IsRoot ? new JsonObject() : root;
            case MutationKind.Duplicate:
                at.Duplicate();
                return root;
            case MutationKind.Retype:
                return at.Replace(root, OtherType(at.Node));
            case MutationKind.ExtremeNumber:
                return at.Replace(root, JsonValue.Create(Pick(ExtremeNumbers)));
            case MutationKind.NumberLikeString:
                return at.Replace(root, JsonValue.Create(Pick(NumberLikeStrings)));
            case MutationKind.HugeString:
                return at.Replace(root, JsonValue.Create(new string((char)('a' + Choice % 26), Pick(HugeStringLengths))));
            case MutationKind.DeepNesting:
                // Up to 50 levels a time: deeper than protobuf lets through (about 50 JSON levels in 100 messages), yet
                // within what the stored JSON is read back with (100) even when a few nest inside each other.
                return at.Replace(root, Nest(at.Node?.DeepClone(), 10 + Choice % 40));
            case MutationKind.RenameKey:
                at.Rename(Pick(OddKeys) + (Choice / OddKeys.Length % 3).ToString(CultureInfo.InvariantCulture));
                return root;
            case MutationKind.SchemaValue:
                return at.Replace(root, JsonValue.Create(Pick(SchemaVocabulary.EnumValues)));
            case MutationKind.SchemaProperty:
                if (at.Node is JsonObject target)
                {
                    target[Pick(SchemaVocabulary.PropertyNames)] = OtherType(null);
                }
                return root;
            case MutationKind.UnknownItemType:
                SetItemType(root);
                return root;
            case MutationKind.BrokenReference:
                BreakReference(root);
                return root;
            case MutationKind.NudgeNumber:
                return at.Node is JsonValue value && value.TryGetValue<double>(out var number)
                    ? at.Replace(root, JsonValue.Create(Math.Round(number) + Choice % 7 - 3))
                    : root;
            case MutationKind.AppendItem:
                TimelineEdits.AppendCopyOfItem(root, Choice);
                return root;
            default:
                throw new InvalidOperationException($"Unknown mutation {Kind}.");
        }
    }

    public override string ToString() => $"{Kind}@{Target}/{Choice}";

    private T Pick<T>(IReadOnlyList<T> options) => options[Choice % options.Count];

    private JsonNode? OtherType(JsonNode? current) => (Choice % 8) switch
    {
        0 => null,
        1 => JsonValue.Create(current is JsonValue v && v.TryGetValue<bool>(out var b) ? !b : true),
        2 => JsonValue.Create(0),
        3 => JsonValue.Create(-1),
        4 => JsonValue.Create(""),
        5 => JsonValue.Create("x"),
        6 => new JsonArray(),
        _ => new JsonObject(),
    };

    private JsonNode Nest(JsonNode? inner, int depth)
    {
        var node = inner ?? JsonValue.Create(0);
        for (var level = 0; level < depth; level++)
        {
            node = (level + Choice) % 2 == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        }
        return node;
    }

    private void SetItemType(JsonNode? root)
    {
        if (root is JsonObject document && document["items"] is JsonObject { Count: > 0 } items && items.ElementAt(Target % items.Count).Value is JsonObject item)
        {
            string[] unknown = ["hologram", "", "IMAGE", "image ", "video\u0000"];
            item["type"] = Choice % 2 == 0 ? Pick(SchemaVocabulary.EnumValues) : Pick(unknown);
        }
    }

    private void BreakReference(JsonNode? root)
    {
        var references = NodeLocation.All(root)
            .Where(location => location.Node is JsonValue value && value.TryGetValue<string>(out _)
                && (location.Key is "assetId" or "fromClipId" or "toClipId" or "trackId" || location.Parent is JsonArray { Parent: JsonObject track } && track.ContainsKey("muted")))
            .ToList();
        if (references.Count == 0)
        {
            return;
        }
        var reference = references[Target % references.Count];
        // Half point nowhere, half point at another real id (duplicates, self references, an item as an asset).
        reference.Replace(root, JsonValue.Create(Choice % 2 == 0
            ? "ghost-" + Choice.ToString(CultureInfo.InvariantCulture)
            : references[Choice % references.Count].Node!.GetValue<string>()));
    }
}
