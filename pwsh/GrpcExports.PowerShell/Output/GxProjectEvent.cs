namespace GrpcExports.PowerShell.Output;

/// <summary>One entry of a project's history, as Get-GxProjectHistory returns it.</summary>
public sealed class GxProjectEvent
{
    internal GxProjectEvent(string projectId, long version, string type, DateTime? createTime, string actor, string summary,
        long sizeBytes, bool stateChanged, string? exportId, long restoredVersion)
    {
        ProjectId = projectId;
        Version = version;
        Type = type;
        CreateTime = createTime;
        Actor = actor;
        Summary = summary;
        SizeBytes = sizeBytes;
        StateChanged = stateChanged;
        ExportId = exportId;
        RestoredVersion = restoredVersion;
    }

    public string ProjectId { get; }

    public long Version { get; }

    /// <summary>Created, Imported, StateSynced, MetadataUpdated, Reverted, ExportRequested, ...</summary>
    public string Type { get; }

    public DateTime? CreateTime { get; }

    /// <summary>Who made the change: the API key's name, else its id, else the user id.</summary>
    public string Actor { get; }

    public string Summary { get; }

    public long SizeBytes { get; }

    public bool StateChanged { get; }

    public string? ExportId { get; }

    public long RestoredVersion { get; }
}
