using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.Events;

/// <summary>
/// The answer to an append whose expected version is not the stream's version: ABORTED with the reason
/// STALE_STATE_VERSION. Its ErrorInfo metadata uses the keys error_reason.proto documents for that reason:
/// <c>projectId</c> (the stream's id: a project's stream has the project's id), <c>expectedStateVersion</c> and
/// <c>currentStateVersion</c>, here the stream versions the append expected and found.
/// </summary>
internal static class StaleStreamVersion
{
    public const string StreamIdKey = "projectId";
    public const string ExpectedVersionKey = "expectedStateVersion";
    public const string CurrentVersionKey = "currentStateVersion";

    public static RpcException Error(Guid streamId, long expectedVersion, long currentVersion, Exception? cause = null)
    {
        var error = ProductErrors.Create(StatusCode.Aborted, ErrorReason.StaleStateVersion,
            $"{streamId} changed in between: it is at version {currentVersion}, the change expected version {expectedVersion}. Re-read it, merge and retry.",
            new Dictionary<string, string>
            {
                [StreamIdKey] = streamId.ToString(),
                [ExpectedVersionKey] = expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [CurrentVersionKey] = currentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        return cause is null ? error : new RpcException(error.StatusCode, error.Detail, error.Details, cause);
    }
}
