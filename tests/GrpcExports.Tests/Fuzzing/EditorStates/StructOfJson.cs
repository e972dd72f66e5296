using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Tests.Fuzzing.EditorStates;

/// <summary>
/// A JSON tree as the google.protobuf.Struct a client would send, numbers as doubles like the Struct holds them: NaN and
/// the infinities included, which JSON text cannot carry but a binary Struct can. A root that is not an object is sent
/// as an empty one, since an editor state always travels as a Struct.
/// </summary>
internal static class StructOfJson
{
    public static Struct Convert(JsonNode? root) => root is JsonObject obj ? StructOf(obj) : new Struct();

    private static Struct StructOf(JsonObject obj)
    {
        var result = new Struct();
        foreach (var (key, child) in obj)
        {
            result.Fields[key] = ValueOf(child);
        }
        return result;
    }

    private static Value ValueOf(JsonNode? node) => node switch
    {
        null => Value.ForNull(),
        JsonObject obj => Value.ForStruct(StructOf(obj)),
        JsonArray array => Value.ForList(array.Select(ValueOf).ToArray()),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Value.ForString(value.GetValue<string>()),
            JsonValueKind.True => Value.ForBool(true),
            JsonValueKind.False => Value.ForBool(false),
            JsonValueKind.Null => Value.ForNull(),
            _ => Value.ForNumber(value.TryGetValue<double>(out var number)
                ? number
                : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)),
        },
        _ => throw new InvalidOperationException($"Unexpected JSON node {node.GetType()}."),
    };
}
