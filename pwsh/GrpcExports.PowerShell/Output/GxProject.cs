using GrpcExports.PowerShell.EditorState;

namespace GrpcExports.PowerShell.Output;

/// <summary>A project as Get-GxProject, New-GxProject and the other project cmdlets return it.</summary>
public sealed class GxProject
{
    internal GxProject(string id, string title, string description, string folder, long version, long stateVersion,
        DateTime? createTime, DateTime? updateTime, DateTime? stateUpdateTime, long editorStateSizeBytes,
        string? clonedFromId, long clonedFromVersion, string? editorStateJson)
    {
        Id = id;
        Title = title;
        Description = description;
        Folder = folder;
        Version = version;
        StateVersion = stateVersion;
        CreateTime = createTime;
        UpdateTime = updateTime;
        StateUpdateTime = stateUpdateTime;
        EditorStateSizeBytes = editorStateSizeBytes;
        ClonedFromId = clonedFromId;
        ClonedFromVersion = clonedFromVersion;
        EditorStateJson = editorStateJson;
        EditorState = editorStateJson is null ? null : JsonObjects.ToPSObject(editorStateJson);
    }

    public string Id { get; }

    public string Title { get; }

    public string Description { get; }

    public string Folder { get; }

    /// <summary>The stream version: one more for every event, exports included.</summary>
    public long Version { get; }

    /// <summary>The version that last replaced the editor state; pass it to Sync-GxProject -ExpectedVersion.</summary>
    public long StateVersion { get; }

    public DateTime? CreateTime { get; }

    public DateTime? UpdateTime { get; }

    public DateTime? StateUpdateTime { get; }

    public long EditorStateSizeBytes { get; }

    public string? ClonedFromId { get; }

    public long ClonedFromVersion { get; }

    /// <summary>The editor state as PowerShell objects; null when the call left it out (lists, and Set-GxProject -PassThru).</summary>
    public object? EditorState { get; }

    /// <summary>The editor state exactly as the server sent it, for cmdlets that pass it on.</summary>
    internal string? EditorStateJson { get; }
}
