namespace GrpcExports.PowerShell.Output;

/// <summary>What Compare-GxProject returns: how one version of a project became another.</summary>
public sealed class GxProjectDiff
{
    internal GxProjectDiff(string projectId, long fromVersion, long toVersion, string summary,
        IReadOnlyList<GxJsonPatchOperation> editorStatePatch, IReadOnlyList<GxMetadataChange> metadataChanges)
    {
        ProjectId = projectId;
        FromVersion = fromVersion;
        ToVersion = toVersion;
        Summary = summary;
        EditorStatePatch = editorStatePatch;
        MetadataChanges = metadataChanges;
    }

    public string ProjectId { get; }

    public long FromVersion { get; }

    public long ToVersion { get; }

    public string Summary { get; }

    /// <summary>The RFC 6902 operations that turn the editor state at FromVersion into the one at ToVersion.</summary>
    public IReadOnlyList<GxJsonPatchOperation> EditorStatePatch { get; }

    public IReadOnlyList<GxMetadataChange> MetadataChanges { get; }
}

/// <summary>One JSON Patch operation; <see cref="Value"/> is the JSON text of the value, if the operation has one.</summary>
public sealed record GxJsonPatchOperation(string Op, string Path, string? From, string? Value);

/// <summary>A title, description or folder change between two versions.</summary>
public sealed record GxMetadataChange(string Field, string OldValue, string NewValue);
