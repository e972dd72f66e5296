namespace GrpcExports.Server.Events;

/// <summary>What an append wrote: the stream's new version and each new event's global position, in order.</summary>
/// <param name="Version">The stream's version after the append: the expected version plus the number of events.</param>
/// <param name="RecordedAt">The time recorded on every event of the append.</param>
internal sealed record AppendResult(Guid StreamId, long Version, IReadOnlyList<long> Positions, DateTimeOffset RecordedAt);
