namespace GrpcExports.Client.Internal;

/// <summary>A call's options merged with the connection's defaults, fixed when the call starts.</summary>
internal sealed class CallSettings
{
    private CallSettings(DateTime? deadline, Metadata headers, bool gzip, bool isIdempotent, CancellationToken cancellationToken)
    {
        Deadline = deadline;
        Headers = headers;
        Gzip = gzip;
        IsIdempotent = isIdempotent;
        CancellationToken = cancellationToken;
    }

    /// <summary>The deadline in UTC, or null for none.</summary>
    public DateTime? Deadline { get; }

    /// <summary>The connection's default metadata followed by the call's.</summary>
    public Metadata Headers { get; }

    public bool Gzip { get; }

    public bool IsIdempotent { get; }

    public CancellationToken CancellationToken { get; }

    public static CallSettings Resolve(ConnectionSettings connection, CallOptions? call, bool methodIsIdempotent)
    {
        var headers = new Metadata(connection.DefaultMetadata);
        if (call?.Headers is { } extra)
        {
            foreach (var entry in extra)
            {
                headers.AddEntry(entry);
            }
        }
        var compression = call?.Compression ?? connection.RequestCompression;
        return new CallSettings(
            EarliestDeadline(call?.Deadline, call?.Timeout),
            headers,
            compression == RequestCompression.Gzip,
            call?.IsIdempotent ?? methodIsIdempotent,
            call?.CancellationToken ?? default);
    }

    private static DateTime? EarliestDeadline(DateTime? deadline, TimeSpan? timeout)
    {
        DateTime? result = null;
        if (deadline is { } d && d != DateTime.MaxValue)
        {
            result = d.Kind == DateTimeKind.Utc ? d : d.ToUniversalTime();
        }
        if (timeout is { } t && t != System.Threading.Timeout.InfiniteTimeSpan)
        {
            var now = DateTime.UtcNow;
            var fromTimeout = t >= DateTime.MaxValue - now ? (DateTime?)null : now + (t < TimeSpan.Zero ? TimeSpan.Zero : t);
            if (fromTimeout is { } f && (result is null || f < result))
            {
                result = f;
            }
        }
        return result;
    }
}
