using System.Globalization;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.Exports;

/// <summary>The ExportService's errors, with the ErrorInfo metadata keys error_reason.proto lists for each reason.</summary>
internal static class ExportErrors
{
    public static RpcException NotFound(Guid exportId) =>
        ProductErrors.Create(StatusCode.NotFound, ErrorReason.ExportNotFound, $"There is no export {exportId}.",
            new Dictionary<string, string> { ["exportId"] = exportId.ToString() });

    public static RpcException ConcurrencyLimitExceeded(int limit, long active) =>
        ProductErrors.Create(StatusCode.ResourceExhausted, ErrorReason.ExportConcurrencyLimitExceeded,
            $"You already have {active} active export(s), the most allowed at once is {limit}; retry after one finishes or cancel one.",
            new Dictionary<string, string>
            {
                ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
                ["active"] = active.ToString(CultureInfo.InvariantCulture),
            });

    public static RpcException NotCancellable(Guid exportId, ExportStatus status) =>
        ProductErrors.Create(StatusCode.FailedPrecondition, ErrorReason.ExportNotCancellable,
            $"Export {exportId} has already finished ({Describe(status)}); only queued or rendering exports can be cancelled.",
            new Dictionary<string, string> { ["exportId"] = exportId.ToString(), ["status"] = status.ToString().ToUpperInvariant() });

    private static string Describe(ExportStatus status) => status.ToString().ToLowerInvariant();
}
