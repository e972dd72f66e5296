namespace GrpcExports.Client;

/// <summary>Settings of one call. Every property is optional; <c>with</c> makes a changed copy.</summary>
public sealed record CallOptions
{
    /// <summary>
    /// The moment the call must be finished by. A Local or Unspecified time is taken as local time. When
    /// <see cref="Timeout"/> is also set, the earlier of the two wins. The server is told through grpc-timeout; the
    /// client itself fails the call with DEADLINE_EXCEEDED when the moment passes.
    /// </summary>
    public DateTime? Deadline { get; init; }

    /// <summary>How long the call may take from the moment it starts; see <see cref="Deadline"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Metadata sent after the connection's default metadata (text, and binary for keys ending in "-bin").</summary>
    public Metadata? Headers { get; init; }

    /// <summary>Compression of this call's request messages; null uses the connection's setting.</summary>
    public RequestCompression? Compression { get; init; }

    /// <summary>
    /// Whether the call may safely run more than once, which allows retries on UNAVAILABLE; null uses the method's
    /// own marking (Get, List, Watch, Download and Check methods are idempotent).
    /// </summary>
    public bool? IsIdempotent { get; init; }

    /// <summary>Cancels the call (CANCELLED); the server sees its stream reset.</summary>
    public CancellationToken CancellationToken { get; init; }
}
