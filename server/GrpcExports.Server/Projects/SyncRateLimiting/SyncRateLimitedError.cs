using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.Projects.SyncRateLimiting;

/// <summary>RESOURCE_EXHAUSTED / PROJECT_SYNC_RATE_LIMITED, with the limit in ErrorInfo and the wait in RetryInfo.</summary>
internal static class SyncRateLimitedError
{
    public static RpcException Create(Guid projectId, SyncRateOptions limit, TimeSpan wait)
    {
        // Rounded up to whole milliseconds so that a client waiting exactly this long finds a token.
        var retryDelay = TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
        var rate = limit.RatePerSecond.ToString(CultureInfo.InvariantCulture);
        return ProductErrors.Create(StatusCode.ResourceExhausted, ErrorReason.ProjectSyncRateLimited,
            $"Project {projectId} is synced faster than {rate} times a second (bursts of {limit.Burst}); retry in {retryDelay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.",
            new Dictionary<string, string>
            {
                ["projectId"] = projectId.ToString(),
                ["ratePerSecond"] = rate,
                ["burst"] = limit.Burst.ToString(CultureInfo.InvariantCulture),
            },
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryDelay) });
    }
}
