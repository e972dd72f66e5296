namespace GrpcExports.Server.Events;

/// <summary>A stream's identity, type and current version (that of its last event), and when it was created and last appended to.</summary>
internal sealed record StreamState(Guid StreamId, string StreamType, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
