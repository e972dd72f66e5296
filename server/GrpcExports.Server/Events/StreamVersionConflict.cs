namespace GrpcExports.Server.Events;

/// <summary>
/// An append expected the stream at one version and found it at another (also when a concurrent append got past the
/// check first and the unique key stopped this one). The store speaks only of stream versions; the owner of the
/// stream (for a project, Projects/Storage/ProjectStore.cs) turns this into the error its clients understand.
/// </summary>
internal sealed class StreamVersionConflictException(Guid streamId, long expectedVersion, long currentVersion, Exception? cause = null)
    : Exception($"Stream {streamId} is at version {currentVersion}; the append expected version {expectedVersion}.", cause)
{
    public Guid StreamId { get; } = streamId;

    public long ExpectedVersion { get; } = expectedVersion;

    public long CurrentVersion { get; } = currentVersion;
}
