namespace GrpcExports.Server.Projects.Storage;

/// <summary>What a sync did: the project's versions after it, when the state was stored, and the event's size.</summary>
/// <param name="Unchanged">The state was identical to the current one; nothing was appended.</param>
/// <param name="StoredBytes">Bytes of the appended event's data (UTF-8); 0 when unchanged.</param>
internal sealed record SyncOutcome(long Version, long StateVersion, DateTimeOffset StateUpdatedAt, bool Unchanged, long StoredBytes);
