using System.Globalization;
using System.Text.Json.Nodes;

namespace GrpcExports.Server.EditorState.JsonPatch;

/// <summary>Applies an RFC 6902 patch to a copy of a document; the input is never changed.</summary>
internal static class JsonPatchApply
{
    /// <exception cref="JsonPatchException">An operation's path does not exist, a "test" fails, or an op is unknown.</exception>
    public static JsonNode? Apply(JsonNode? document, IEnumerable<PatchOperation> operations)
    {
        var root = JsonNodes.Clone(document);
        foreach (var operation in operations)
        {
            root = operation.Op switch
            {
                "add" => Add(root, operation.Path, JsonNodes.Clone(operation.Value)),
                "remove" => Remove(root, operation.Path, out _),
                "replace" => Replace(root, operation.Path, JsonNodes.Clone(operation.Value)),
                "move" => MoveValue(root, operation),
                "copy" => Add(root, operation.Path, JsonNodes.Clone(Get(root, Require(operation.From)))),
                "test" => JsonNodes.AreEqual(Get(root, operation.Path), operation.Value)
                    ? root
                    : throw new JsonPatchException($"test failed at '{operation.Path}'."),
                _ => throw new JsonPatchException($"Unknown patch operation '{operation.Op}'."),
            };
        }
        return root;
    }

    private static JsonNode? MoveValue(JsonNode? root, PatchOperation operation)
    {
        var from = Require(operation.From);
        root = Remove(root, from, out var value);
        return Add(root, operation.Path, value);
    }

    private static string Require(string? from) => from ?? throw new JsonPatchException("move and copy need 'from'.");

    private static JsonNode? Get(JsonNode? root, string path)
    {
        var node = root;
        foreach (var token in JsonPointer.Parse(path))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array => array[Index(array, token, path, allowEnd: false)],
                _ => throw new JsonPatchException($"'{path}' does not exist."),
            };
        }
        return node;
    }

    private static JsonNode? Add(JsonNode? root, string path, JsonNode? value)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            return value;
        }
        var parent = Get(root, ParentPath(path));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                var index = last == "-" ? array.Count : Index(array, last, path, allowEnd: true);
                array.Insert(index, value);
                break;
            default:
                throw new JsonPatchException($"The parent of '{path}' is not a container.");
        }
        return root;
    }

    /// <summary>Replaces in place, so an object's keys keep their order.</summary>
    private static JsonNode? Replace(JsonNode? root, string path, JsonNode? value)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            return value;
        }
        var parent = Get(root, ParentPath(path));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj[last] = value;
                break;
            case JsonArray array:
                array[Index(array, last, path, allowEnd: false)] = value;
                break;
            default:
                throw new JsonPatchException($"'{path}' does not exist.");
        }
        return root;
    }

    private static JsonNode? Remove(JsonNode? root, string path, out JsonNode? removed)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            removed = root;
            return null;
        }
        var parent = Get(root, ParentPath(path));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out var child):
                obj.Remove(last);
                removed = child;
                break;
            case JsonArray array:
                var index = Index(array, last, path, allowEnd: false);
                removed = array[index];
                array.RemoveAt(index);
                break;
            default:
                throw new JsonPatchException($"'{path}' does not exist.");
        }
        return root;
    }

    private static string ParentPath(string path) => path[..path.LastIndexOf('/')];

    private static int Index(JsonArray array, string token, string path, bool allowEnd)
    {
        var valid = token.Length > 0 && token.All(char.IsAsciiDigit) && (token.Length == 1 || token[0] != '0');
        if (!valid || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index > array.Count || (!allowEnd && index == array.Count))
        {
            throw new JsonPatchException($"'{path}' does not name an element of the array.");
        }
        return index;
    }
}
