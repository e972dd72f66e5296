using System.Globalization;
using System.Text.Json.Nodes;
using GrpcExports.Server.EditorState.JsonPatch;

namespace GrpcExports.Tests.EditorState;

/// <summary>Seeded random JSON documents and random edits of them, for property-style tests of the JSON Patch code.</summary>
internal sealed class RandomJson(int seed)
{
    private static readonly string[] NumberTexts = ["0", "-0", "1", "1.50", "0.1", "1e400", "-2.5E-3", "12345678901234567890123", "3.14159265358979323846264338"];
    private static readonly string[] Keys = ["a", "b", "id", "a/b", "m~n", "~1", "", "items", "é", "x y"];

    private readonly Random _random = new(seed);

    public JsonNode? Document(int depth = 4) => Value(depth);

    /// <summary>A copy of <paramref name="document"/> with a few random changes.</summary>
    public JsonNode? Edit(JsonNode? document)
    {
        var copy = JsonNodes.Clone(document);
        var edits = _random.Next(1, 4);
        for (var edit = 0; edit < edits; edit++)
        {
            copy = EditSomewhere(copy, 0);
        }
        return copy;
    }

    private JsonNode? EditSomewhere(JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0 && _random.Next(3) > 0:
                var key = obj.ElementAt(_random.Next(obj.Count)).Key;
                switch (_random.Next(4))
                {
                    case 0: obj.Remove(key); break;
                    case 1: obj[Keys[_random.Next(Keys.Length)] + _random.Next(3)] = Value(2); break;
                    default: obj[key] = EditSomewhere(obj[key], depth + 1); break;
                }
                return obj;
            case JsonArray array when array.Count > 0 && _random.Next(3) > 0:
                var index = _random.Next(array.Count);
                switch (_random.Next(5))
                {
                    case 0: array.RemoveAt(index); break;
                    case 1: array.Insert(_random.Next(array.Count + 1), Value(2)); break;
                    case 2:
                        var moved = array[index];
                        array.RemoveAt(index);
                        array.Insert(_random.Next(array.Count + 1), moved);
                        break;
                    default:
                        var edited = EditSomewhere(JsonNodes.Clone(array[index]), depth + 1);
                        array[index] = edited;
                        break;
                }
                return array;
            default:
                return Value(2);
        }
    }

    private JsonNode? Value(int depth)
    {
        var kind = _random.Next(depth > 0 ? 8 : 5);
        switch (kind)
        {
            case 0: return null;
            case 1: return JsonValue.Create(_random.Next(2) == 0);
            case 2: return JsonNode.Parse(NumberTexts[_random.Next(NumberTexts.Length)]);
            case 3: return JsonValue.Create("s" + _random.Next(5).ToString(CultureInfo.InvariantCulture));
            case 4: return JsonValue.Create(_random.Next(-5, 5));
            case 5:
            case 6:
                var obj = new JsonObject();
                var count = _random.Next(6);
                for (var i = 0; i < count; i++)
                {
                    obj[Keys[_random.Next(Keys.Length)] + i.ToString(CultureInfo.InvariantCulture)] = Value(depth - 1);
                }
                return obj;
            default:
                var array = new JsonArray();
                var length = _random.Next(7);
                for (var i = 0; i < length; i++)
                {
                    array.Add(Value(depth - 1));
                }
                return array;
        }
    }
}
