using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.Projects.Idempotency;

/// <summary>The errors of a reused or busy `idempotency-key` (error_reason.proto), each naming the header and the key.</summary>
internal static class IdempotencyErrors
{
    /// <summary>How long a client should wait before repeating a request whose first copy is still running.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    public static RpcException Reused(string key, string firstRpc, string rpc) =>
        ProductErrors.Create(StatusCode.FailedPrecondition, ErrorReason.IdempotencyKeyReused,
            firstRpc == rpc
                ? $"The {IdempotencyKey.Header} '{key}' was already used for a different {rpc} request; use a new key."
                : $"The {IdempotencyKey.Header} '{key}' was already used for {firstRpc}; use a new key.",
            new Dictionary<string, string> { ["idempotencyKey"] = key, ["header"] = IdempotencyKey.Header });

    public static RpcException InProgress(string key) =>
        ProductErrors.Create(StatusCode.Aborted, ErrorReason.IdempotencyKeyInProgress,
            $"A request with the {IdempotencyKey.Header} '{key}' is still being processed; retry shortly to get its response.",
            new Dictionary<string, string> { ["idempotencyKey"] = key, ["header"] = IdempotencyKey.Header },
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryDelay) });
}
