using Google.Protobuf.WellKnownTypes;
using GrpcExports.Server.Projects;

namespace GrpcExports.Server.Errors;

/// <summary>Timestamps of requests, which a client may send outside the range a Timestamp allows.</summary>
internal static class RequestTimestamps
{
    /// <summary>
    /// The time <paramref name="timestamp"/> holds (null when unset), or INVALID_ARGUMENT / INVALID_REQUEST naming
    /// <paramref name="field"/> when its seconds lie outside 0001-01-01..9999-12-31 or its nanos outside 0..999,999,999.
    /// </summary>
    public static DateTimeOffset? Read(Timestamp? timestamp, string field)
    {
        if (timestamp is null)
        {
            return null;
        }
        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw ProjectErrors.InvalidRequest(field,
                $"{timestamp.Seconds} s and {timestamp.Nanos} ns is not a time between 0001-01-01 and 9999-12-31 (nanos 0..999,999,999).");
        }
    }
}
