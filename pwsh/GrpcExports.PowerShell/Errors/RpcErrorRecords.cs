using System.Management.Automation;
using GrpcExports.PowerShell.Engine;

namespace GrpcExports.PowerShell.Errors;

/// <summary>
/// Failed calls as ErrorRecords: the ErrorId is the server's reason (STALE_STATE_VERSION, PROJECT_NOT_FOUND, ...) or,
/// without one, the status name, so scripts can match $_.FullyQualifiedErrorId; the category follows the status.
/// </summary>
internal static class RpcErrorRecords
{
    public static ErrorRecord From(GxRpcException error, object? target)
    {
        var record = new ErrorRecord(error, error.Reason ?? error.StatusCode, CategoryOf(error), target);
        // The server's message often names the offending fields already; add only those it leaves out.
        var unmentioned = error.FieldViolations.Where(violation => !error.Message.Contains(violation.Field, StringComparison.Ordinal)).ToArray();
        if (unmentioned.Length > 0)
        {
            var fields = string.Join("; ", unmentioned.Select(violation => $"{violation.Field}: {violation.Description}"));
            record.ErrorDetails = new ErrorDetails($"{error.Message} ({fields})");
        }
        if (RecommendedActionOf(error) is { } action)
        {
            record.ErrorDetails ??= new ErrorDetails(error.Message);
            record.ErrorDetails.RecommendedAction = action;
        }
        return record;
    }

    private static ErrorCategory CategoryOf(GxRpcException error) => error.Reason switch
    {
        "STORAGE_QUOTA_EXCEEDED" => ErrorCategory.QuotaExceeded,
        _ => error.StatusCode switch
        {
            "INVALID_ARGUMENT" or "OUT_OF_RANGE" => ErrorCategory.InvalidArgument,
            "NOT_FOUND" => ErrorCategory.ObjectNotFound,
            "ALREADY_EXISTS" => ErrorCategory.ResourceExists,
            "UNAUTHENTICATED" => ErrorCategory.AuthenticationError,
            "PERMISSION_DENIED" => ErrorCategory.PermissionDenied,
            // Someone else changed the resource in between, or the same request is still running.
            "ABORTED" => ErrorCategory.ResourceBusy,
            "FAILED_PRECONDITION" => ErrorCategory.InvalidOperation,
            "RESOURCE_EXHAUSTED" => ErrorCategory.LimitsExceeded,
            "UNAVAILABLE" => ErrorCategory.ConnectionError,
            "DEADLINE_EXCEEDED" => ErrorCategory.OperationTimeout,
            "UNIMPLEMENTED" => ErrorCategory.NotImplemented,
            "CANCELLED" => ErrorCategory.OperationStopped,
            "INTERNAL" => ErrorCategory.ProtocolError,
            _ => ErrorCategory.NotSpecified,
        },
    };

    private static string? RecommendedActionOf(GxRpcException error) => error.Reason switch
    {
        "STALE_STATE_VERSION" => "Read the project again with Get-GxProject, merge your changes, and sync with its StateVersion as -ExpectedVersion.",
        "API_KEY_MISSING" or "API_KEY_INVALID" or "API_KEY_REVOKED" => "Connect again with Connect-GxServer -ApiKey (or -Credential, or $env:GX_API_KEY).",
        _ => null,
    };
}
