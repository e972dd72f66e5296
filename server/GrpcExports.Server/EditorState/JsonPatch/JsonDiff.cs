using System.Text.Json.Nodes;

namespace GrpcExports.Server.EditorState.JsonPatch;

/// <summary>
/// A small RFC 6902 patch that turns one JSON document into another. Objects are compared key by key and recursed
/// into (when the keys would end up in another order, the object is replaced whole, so the result keeps the target's
/// key order). Arrays drop their common prefix and suffix; what remains is one "move" when a single element moved,
/// else element-wise changes plus removes or adds at the end. Values are copied, never shared with the inputs.
/// </summary>
internal static class JsonDiff
{
    public static IReadOnlyList<PatchOperation> Diff(JsonNode? source, JsonNode? target)
    {
        var operations = new List<PatchOperation>();
        DiffValue(source, target, "", operations);
        return operations;
    }

    private static void DiffValue(JsonNode? source, JsonNode? target, string path, List<PatchOperation> operations)
    {
        switch (source, target)
        {
            case (JsonObject a, JsonObject b) when KeepsKeyOrder(a, b):
                DiffObject(a, b, path, operations);
                break;
            case (JsonArray a, JsonArray b):
                DiffArray(a, b, path, operations);
                break;
            default:
                if (!JsonNodes.AreEqual(source, target))
                {
                    operations.Add(PatchOperation.Replace(path, JsonNodes.Clone(target)));
                }
                break;
        }
    }

    /// <summary>Whether removing a's missing keys and appending b's new ones gives b's key order.</summary>
    private static bool KeepsKeyOrder(JsonObject a, JsonObject b)
    {
        var kept = a.Select(p => p.Key).Where(b.ContainsKey);
        var added = b.Select(p => p.Key).Where(key => !a.ContainsKey(key));
        return kept.Concat(added).SequenceEqual(b.Select(p => p.Key), StringComparer.Ordinal);
    }

    private static void DiffObject(JsonObject a, JsonObject b, string path, List<PatchOperation> operations)
    {
        foreach (var (key, value) in a)
        {
            if (b.TryGetPropertyValue(key, out var other))
            {
                DiffValue(value, other, JsonPointer.Append(path, key), operations);
            }
            else
            {
                operations.Add(PatchOperation.Remove(JsonPointer.Append(path, key)));
            }
        }
        foreach (var (key, value) in b)
        {
            if (!a.ContainsKey(key))
            {
                operations.Add(PatchOperation.Add(JsonPointer.Append(path, key), JsonNodes.Clone(value)));
            }
        }
    }

    private static void DiffArray(JsonArray a, JsonArray b, string path, List<PatchOperation> operations)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && JsonNodes.AreEqual(a[prefix], b[prefix]))
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix
               && JsonNodes.AreEqual(a[a.Count - 1 - suffix], b[b.Count - 1 - suffix]))
        {
            suffix++;
        }
        var aLength = a.Count - prefix - suffix;
        var bLength = b.Count - prefix - suffix;
        if (aLength == bLength && aLength > 1 && TryMove(a, b, prefix, aLength, path, operations))
        {
            return;
        }
        var common = Math.Min(aLength, bLength);
        for (var offset = 0; offset < common; offset++)
        {
            DiffValue(a[prefix + offset], b[prefix + offset], JsonPointer.Append(path, prefix + offset), operations);
        }
        for (var index = prefix + aLength - 1; index >= prefix + common; index--)
        {
            operations.Add(PatchOperation.Remove(JsonPointer.Append(path, index)));
        }
        for (var index = prefix + common; index < prefix + bLength; index++)
        {
            operations.Add(PatchOperation.Add(JsonPointer.Append(path, index), JsonNodes.Clone(b[index])));
        }
    }

    /// <summary>One element moved from one end of the differing range to the other: a single "move".</summary>
    private static bool TryMove(JsonArray a, JsonArray b, int start, int length, string path, List<PatchOperation> operations)
    {
        var last = start + length - 1;
        if (JsonNodes.AreEqual(a[start], b[last]) && RangeEqual(a, start + 1, b, start, length - 1))
        {
            operations.Add(PatchOperation.Move(JsonPointer.Append(path, start), JsonPointer.Append(path, last)));
            return true;
        }
        if (JsonNodes.AreEqual(a[last], b[start]) && RangeEqual(a, start, b, start + 1, length - 1))
        {
            operations.Add(PatchOperation.Move(JsonPointer.Append(path, last), JsonPointer.Append(path, start)));
            return true;
        }
        return false;
    }

    private static bool RangeEqual(JsonArray a, int aStart, JsonArray b, int bStart, int count)
    {
        for (var offset = 0; offset < count; offset++)
        {
            if (!JsonNodes.AreEqual(a[aStart + offset], b[bStart + offset]))
            {
                return false;
            }
        }
        return true;
    }
}
