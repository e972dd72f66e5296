using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrpcExports.Server.EditorState.JsonPatch;

/// <summary>
/// Equality and copies of JSON trees that keep numbers exactly as written: two values are equal when they would be
/// written as the same JSON (numbers compared by their text, never through double; object keys in the same order).
/// </summary>
internal static class JsonNodes
{
    private static readonly JsonNodeOptions Options = new() { PropertyNameCaseInsensitive = false };

    /// <summary>Parses JSON text; numbers keep their text.</summary>
    public static JsonNode? Parse(string json) =>
        JsonNode.Parse(json, Options, new JsonDocumentOptions { MaxDepth = 256 });

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                if (x.Count != y.Count)
                {
                    return false;
                }
                using (var left = x.GetEnumerator())
                using (var right = y.GetEnumerator())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!string.Equals(left.Current.Key, right.Current.Key, StringComparison.Ordinal)
                            || !AreEqual(left.Current.Value, right.Current.Value))
                        {
                            return false;
                        }
                    }
                }
                return true;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                {
                    return false;
                }
                for (var index = 0; index < x.Count; index++)
                {
                    if (!AreEqual(x[index], y[index]))
                    {
                        return false;
                    }
                }
                return true;
            case (JsonValue x, JsonValue y):
                if (x.GetValueKind() != y.GetValueKind())
                {
                    return false;
                }
                return x.GetValueKind() == JsonValueKind.String
                    ? string.Equals(x.GetValue<string>(), y.GetValue<string>(), StringComparison.Ordinal)
                    : SameText(x, y);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether two non-string values are written as the same JSON. Values parsed from text compare their raw text in
    /// place (a sync compares thousands of numbers); others are written out first.
    /// </summary>
    private static bool SameText(JsonValue x, JsonValue y) =>
        x.TryGetValue<JsonElement>(out var left) && y.TryGetValue<JsonElement>(out var right)
            ? JsonMarshal.GetRawUtf8Value(left).SequenceEqual(JsonMarshal.GetRawUtf8Value(right))
            : string.Equals(x.ToJsonString(), y.ToJsonString(), StringComparison.Ordinal);
}
