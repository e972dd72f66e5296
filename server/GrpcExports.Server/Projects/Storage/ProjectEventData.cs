using System.Text.Json;
using System.Text.Json.Nodes;
using GrpcExports.Server.EditorState.JsonPatch;

namespace GrpcExports.Server.Projects.Storage;

/// <summary>
/// The project stream's event types and their JSON data. The editor state is embedded as the exact text it was
/// stored as. <c>ProjectCreated</c>: {"title", "description", "folderId", "editorState"}. <c>EditorStateSynced</c>:
/// {"patch": [RFC 6902 operations against the previous state]} or, every N state versions, {"snapshot": state}.
/// </summary>
internal static class ProjectEventData
{
    public const string StreamType = "project";
    public const string Created = "ProjectCreated";
    public const string Synced = "EditorStateSynced";

    public static string CreatedData(string title, string description, string folderId, string editorStateJson) =>
        $$"""{"title":{{Quote(title)}},"description":{{Quote(description)}},"folderId":{{Quote(folderId)}},"editorState":{{editorStateJson}}}""";

    public static string SnapshotData(string editorStateJson) => $$"""{"snapshot":{{editorStateJson}}}""";

    public static string PatchData(IEnumerable<PatchOperation> patch) => $$"""{"patch":{{PatchJson.Write(patch)}}}""";

    /// <summary>The full state an event holds (creation or snapshot), or null when it holds a patch.</summary>
    public static JsonNode? FullState(string eventType, JsonObject data, out bool isFull)
    {
        isFull = eventType == Created || data.ContainsKey("snapshot");
        return isFull ? data[eventType == Created ? "editorState" : "snapshot"] : null;
    }

    public static IReadOnlyList<PatchOperation> Patch(JsonObject data) => PatchJson.Read(data["patch"]);

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
