using System.Text.Json.Nodes;

namespace GrpcExports.Server.EditorState.JsonPatch;

/// <summary>One RFC 6902 operation: "add", "remove", "replace", "move", "copy" or "test".</summary>
/// <param name="Value">The value of add, replace and test (JSON null is a null node).</param>
/// <param name="From">The source pointer of move and copy.</param>
internal sealed record PatchOperation(string Op, string Path, JsonNode? Value = null, string? From = null)
{
    public static PatchOperation Add(string path, JsonNode? value) => new("add", path, value);

    public static PatchOperation Remove(string path) => new("remove", path);

    public static PatchOperation Replace(string path, JsonNode? value) => new("replace", path, value);

    public static PatchOperation Move(string from, string path) => new("move", path, From: from);
}
