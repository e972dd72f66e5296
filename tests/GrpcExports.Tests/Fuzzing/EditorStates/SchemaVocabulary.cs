using System.Text.Json.Nodes;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Fuzzing.EditorStates;

/// <summary>
/// The words of Indream's editor-state schema (editor-state.v1.schema.json): every property name and every string of
/// an <c>enum</c> or <c>const</c>, so mutations speak the format's own language (a real property with a wrong value,
/// an item type swapped for another kind's) instead of only noise.
/// </summary>
internal static class SchemaVocabulary
{
    private static readonly Lazy<(string[] Properties, string[] Values)> Words = new(Load);

    public static IReadOnlyList<string> PropertyNames => Words.Value.Properties;

    /// <summary>The enum and const strings: item, asset and chart types, easings, upload states, ...</summary>
    public static IReadOnlyList<string> EnumValues => Words.Value.Values;

    private static (string[] Properties, string[] Values) Load()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.EditorStateCorpus, "editor-state.v1.schema.json")));
        var properties = new SortedSet<string>(StringComparer.Ordinal);
        var values = new SortedSet<string>(StringComparer.Ordinal);
        Collect(schema, properties, values);
        return (properties.ToArray(), values.ToArray());
    }

    private static void Collect(JsonNode? node, ISet<string> properties, ISet<string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key == "properties" && child is JsonObject named)
                    {
                        properties.UnionWith(named.Select(pair => pair.Key));
                    }
                    if (key == "const" && child is JsonValue constant && constant.TryGetValue<string>(out var text))
                    {
                        values.Add(text);
                    }
                    if (key == "enum" && child is JsonArray choices)
                    {
                        values.UnionWith(choices.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>());
                    }
                    Collect(child, properties, values);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, properties, values);
                }
                break;
        }
    }
}
