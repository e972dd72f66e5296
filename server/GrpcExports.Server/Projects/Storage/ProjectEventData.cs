using System.Text.Json;
using System.Text.Json.Nodes;
using GrpcExports.Server.EditorState.JsonPatch;

namespace GrpcExports.Server.Projects.Storage;

/// <summary>
/// The project stream's event types and their JSON data. The editor state is embedded as the exact text it was
/// stored as.
/// <list type="bullet">
/// <item><c>ProjectCreated</c>: {"title", "description", "folderId", "editorState"} and, for a clone,
/// "clonedFrom": {"projectId", "version"}.</item>
/// <item><c>ProjectImported</c>: as <c>ProjectCreated</c>, with "importedFrom": {"fileName", "sha256", "projectId",
/// "version"} (the file and the project it was written from) instead of "clonedFrom".</item>
/// <item><c>EditorStateSynced</c>: {"patch": [RFC 6902 operations against the previous state]} or, every N state
/// versions, {"snapshot": state}.</item>
/// <item><c>ProjectReverted</c>: {"restoredVersion": N} plus "patch" or "snapshot" as a sync.</item>
/// <item><c>ProjectMetadataUpdated</c>: the new value of each changed field ("title", "description", "folderId")
/// and their old values under "previous".</item>
/// <item><c>ProjectDeleted</c>: {}.</item>
/// <item><c>ExportRequested</c>: {"exportId", "name", "projectVersion", "format"}; <c>ExportSucceeded</c>: {"exportId",
/// "sizeBytes"}; <c>ExportFailed</c>: {"exportId", "reason"}; <c>ExportCancelled</c>: {"exportId"}. They record an export
/// of the project and leave its editor state and metadata as they are.</item>
/// </list>
/// </summary>
internal static class ProjectEventData
{
    public const string StreamType = "project";
    public const string Created = "ProjectCreated";
    public const string Imported = "ProjectImported";
    public const string Synced = "EditorStateSynced";
    public const string Reverted = "ProjectReverted";
    public const string MetadataUpdated = "ProjectMetadataUpdated";
    public const string Deleted = "ProjectDeleted";
    public const string ExportRequested = "ExportRequested";
    public const string ExportSucceeded = "ExportSucceeded";
    public const string ExportFailed = "ExportFailed";
    public const string ExportCancelled = "ExportCancelled";

    /// <summary>The key of the export's id in the data of every export event.</summary>
    public const string ExportIdKey = "exportId";

    /// <summary>The metadata fields as named in event data, in the order they are reported.</summary>
    public const string TitleKey = "title", DescriptionKey = "description", FolderKey = "folderId";

    /// <summary>Whether events of this type replace the editor state.</summary>
    public static bool ChangesState(string eventType) => eventType is Created or Imported or Synced or Reverted;

    /// <summary>Whether events of this type start a stream with the project's metadata and full editor state.</summary>
    public static bool StartsProject(string eventType) => eventType is Created or Imported;

    public static string CreatedData(string title, string description, string folderId, string editorStateJson,
        ProjectVersionPointer? clonedFrom)
    {
        var source = clonedFrom is null
            ? ""
            : $$""","clonedFrom":{"projectId":"{{clonedFrom.ProjectId}}","version":{{clonedFrom.Version}}}""";
        return $$"""{"title":{{Quote(title)}},"description":{{Quote(description)}},"folderId":{{Quote(folderId)}}{{source}},"editorState":{{editorStateJson}}}""";
    }

    public static string ImportedData(string title, string description, string folderId, string editorStateJson, ImportSource source) =>
        $$"""{"title":{{Quote(title)}},"description":{{Quote(description)}},"folderId":{{Quote(folderId)}},"importedFrom":{"fileName":{{Quote(source.FileName)}},"sha256":{{Quote(source.Sha256)}},"projectId":{{Quote(source.ProjectId)}},"version":{{source.Version}}},"editorState":{{editorStateJson}}}""";

    /// <summary>The data of a state change: the full state, or the patch from the previous one.</summary>
    public static string StateData(string? fullStateJson, IEnumerable<PatchOperation>? patch, long? restoredVersion = null)
    {
        var restored = restoredVersion is { } version ? $"\"restoredVersion\":{version}," : "";
        return fullStateJson is not null
            ? $$"""{{{restored}}"snapshot":{{fullStateJson}}}"""
            : $$"""{{{restored}}"patch":{{PatchJson.Write(patch!)}}}""";
    }

    public static string MetadataUpdatedData(IReadOnlyList<(string Key, string Old, string New)> changes)
    {
        var data = new JsonObject();
        var previous = new JsonObject();
        foreach (var (key, old, value) in changes)
        {
            data[key] = value;
            previous[key] = old;
        }
        data["previous"] = previous;
        return data.ToJsonString();
    }

    public const string DeletedData = "{}";

    public static string ExportRequestedData(Guid exportId, string name, long projectVersion, string format) =>
        new JsonObject { [ExportIdKey] = exportId.ToString(), ["name"] = name, ["projectVersion"] = projectVersion, ["format"] = format }.ToJsonString();

    public static string ExportSucceededData(Guid exportId, long sizeBytes) =>
        new JsonObject { [ExportIdKey] = exportId.ToString(), ["sizeBytes"] = sizeBytes }.ToJsonString();

    public static string ExportFailedData(Guid exportId, string reason) =>
        new JsonObject { [ExportIdKey] = exportId.ToString(), ["reason"] = reason }.ToJsonString();

    public static string ExportCancelledData(Guid exportId) => new JsonObject { [ExportIdKey] = exportId.ToString() }.ToJsonString();

    /// <summary>The full state an event holds (creation or snapshot), or null when it holds a patch.</summary>
    public static JsonNode? FullState(string eventType, JsonObject data, out bool isFull)
    {
        isFull = StartsProject(eventType) || data.ContainsKey("snapshot");
        return isFull ? data[StartsProject(eventType) ? "editorState" : "snapshot"] : null;
    }

    public static IReadOnlyList<PatchOperation> Patch(JsonObject data) => PatchJson.Read(data["patch"]);

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
