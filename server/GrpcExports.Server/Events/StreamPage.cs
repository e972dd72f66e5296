namespace GrpcExports.Server.Events;

/// <summary>Which way a stream is read: from old to new, or from new to old.</summary>
internal enum ReadDirection
{
    Forward,
    Backward,
}

/// <summary>One page of a stream's events, in the direction read.</summary>
/// <param name="NextVersion">The version to read the next page from, or null when this page reached the stream's end (or start).</param>
internal sealed record StreamPage(IReadOnlyList<RecordedEvent> Events, long? NextVersion);
