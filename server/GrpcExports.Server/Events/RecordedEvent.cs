namespace GrpcExports.Server.Events;

/// <summary>An event as stored.</summary>
/// <param name="Position">Its global position: increasing across all streams in the order events were appended.</param>
/// <param name="Version">Its place in its stream: 1 for the first event, without gaps.</param>
/// <param name="Data">Its JSON exactly as appended.</param>
/// <param name="RecordedAt">When it was appended; never earlier than the stream's previous event.</param>
internal sealed record RecordedEvent(
    long Position,
    Guid StreamId,
    long Version,
    string EventType,
    string Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt);
