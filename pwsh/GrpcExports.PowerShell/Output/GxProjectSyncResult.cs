namespace GrpcExports.PowerShell.Output;

/// <summary>What Sync-GxProject returns: the project's versions after the autosave.</summary>
public sealed class GxProjectSyncResult
{
    internal GxProjectSyncResult(string projectId, long version, long stateVersion, DateTime? updateTime, bool unchanged, long storedBytes)
    {
        ProjectId = projectId;
        Version = version;
        StateVersion = stateVersion;
        UpdateTime = updateTime;
        Unchanged = unchanged;
        StoredBytes = storedBytes;
    }

    public string ProjectId { get; }

    public long Version { get; }

    public long StateVersion { get; }

    public DateTime? UpdateTime { get; }

    /// <summary>True when the state sent equalled the stored one, so nothing was appended.</summary>
    public bool Unchanged { get; }

    /// <summary>The bytes the server stored for this sync (a JSON patch, or a snapshot).</summary>
    public long StoredBytes { get; }
}
