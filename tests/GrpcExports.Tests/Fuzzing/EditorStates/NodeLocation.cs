using System.Text.Json.Nodes;

namespace GrpcExports.Tests.Fuzzing.EditorStates;

/// <summary>Where a node sits: the root, a property of an object or an element of an array; with the edits a mutation makes there.</summary>
internal sealed record NodeLocation(JsonNode? Parent, string? Key, int Index, JsonNode? Node)
{
    public bool IsRoot => Parent is null;

    /// <summary>Every node of the document in document order, the root first; JSON nulls included.</summary>
    public static IReadOnlyList<NodeLocation> All(JsonNode? root)
    {
        var all = new List<NodeLocation>();
        Walk(new NodeLocation(null, null, -1, root), all);
        return all;
    }

    /// <summary>Puts <paramref name="replacement"/> here; returns the document's root afterwards.</summary>
    public JsonNode? Replace(JsonNode? root, JsonNode? replacement)
    {
        switch (Parent)
        {
            case JsonObject obj:
                obj[Key!] = replacement;
                return root;
            case JsonArray array:
                array[Index] = replacement;
                return root;
            default:
                return replacement;
        }
    }

    public void Remove()
    {
        switch (Parent)
        {
            case JsonObject obj:
                obj.Remove(Key!);
                break;
            case JsonArray array:
                array.RemoveAt(Index);
                break;
        }
    }

    public void Duplicate()
    {
        switch (Parent)
        {
            case JsonObject obj:
                obj[Key + "-copy"] = Node?.DeepClone();
                break;
            case JsonArray array:
                array.Insert(Index + 1, Node?.DeepClone());
                break;
        }
    }

    public void Rename(string newKey)
    {
        if (Parent is JsonObject obj && Key != newKey)
        {
            obj.Remove(Key!);
            obj[newKey] = Node;
        }
    }

    private static void Walk(NodeLocation location, List<NodeLocation> all)
    {
        all.Add(location);
        switch (location.Node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    Walk(new NodeLocation(obj, key, -1, child), all);
                }
                break;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    Walk(new NodeLocation(array, null, index, array[index]), all);
                }
                break;
        }
    }
}
