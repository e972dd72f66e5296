using System.Globalization;
using Google.Rpc;
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

    public static RpcException NotReady(Guid exportId, ExportStatus status) =>
        ProductErrors.Create(StatusCode.FailedPrecondition, ErrorReason.ExportNotReady,
            $"Export {exportId} is {Describe(status)}; only a succeeded export can be downloaded.",
            new Dictionary<string, string> { ["exportId"] = exportId.ToString(), ["status"] = status.ToString().ToUpperInvariant() });

    public static RpcException OutputExpired(Guid exportId) =>
        ProductErrors.Create(StatusCode.FailedPrecondition, ErrorReason.ExportOutputExpired,
            $"The file of export {exportId} is no longer kept; export it again.",
            new Dictionary<string, string> { ["exportId"] = exportId.ToString() });

    public static RpcException OffsetOutOfRange(long offset, long size) =>
        ProductErrors.Create(StatusCode.OutOfRange, ErrorReason.DownloadOffsetOutOfRange,
            $"offset: {offset} is past the end of the file ({size} bytes).",
            new Dictionary<string, string>
            {
                ["offset"] = offset.ToString(CultureInfo.InvariantCulture),
                ["size"] = size.ToString(CultureInfo.InvariantCulture),
            });

    public static RpcException StillActive(Guid exportId, ExportStatus status) =>
        ProductErrors.Create(StatusCode.FailedPrecondition, ErrorReason.ExportStillActive,
            $"Export {exportId} is still {Describe(status)}; cancel it first (CancelExport), then delete it.",
            new Dictionary<string, string> { ["exportId"] = exportId.ToString(), ["status"] = status.ToString().ToUpperInvariant() });

    public static RpcException WebhookUrlForbidden(string webhookUrl, string description) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.WebhookUrlForbidden, description,
            new Dictionary<string, string> { ["webhookUrl"] = webhookUrl },
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "webhook_url", Description = description, Reason = "FORBIDDEN" } } });

    public static RpcException ServerShuttingDown() =>
        ProductErrors.Create(StatusCode.Unavailable, ErrorReason.ServerShuttingDown,
            "This server is shutting down; watch the export again to continue from its current state.");

    private static string Describe(ExportStatus status) => status.ToString().ToLowerInvariant();
}
