using System.Globalization;
using Google.Rpc;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.Limits.EditorState;

/// <summary>The refusals of an editor state over a limit of "Limits:EditorState", each naming the field by its JSON Pointer.</summary>
internal static class EditorStateLimitErrors
{
    /// <summary>RESOURCE_EXHAUSTED / PAYLOAD_TOO_LARGE with <c>what=editor-state</c>, as for uploads and project files.</summary>
    public static RpcException TooLarge(string field, int limitBytes, int actualBytes) =>
        ProductErrors.Create(StatusCode.ResourceExhausted, ErrorReason.PayloadTooLarge,
            $"{field}: the editor state has {Number(actualBytes)} bytes; at most {Number(limitBytes)} are accepted (Limits:EditorState:MaxBytes).",
            new Dictionary<string, string> { ["limitBytes"] = Number(limitBytes), ["what"] = "editor-state" },
            Violation(field, $"at most {Number(limitBytes)} bytes", "TOO_LARGE"));

    /// <summary>
    /// INVALID_ARGUMENT / EDITOR_STATE_LIMIT_EXCEEDED: the same document would be refused on every retry, so it is an
    /// invalid argument rather than an exhausted resource.
    /// </summary>
    public static RpcException Exceeded(string field, string pointer, string limit, string maximum, string actual, string description) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.EditorStateLimitExceeded, $"{field}{pointer}: {description}",
            new Dictionary<string, string> { ["limit"] = limit, ["maximum"] = maximum, ["actual"] = actual },
            Violation(field + pointer, description, "LIMIT_EXCEEDED"));

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static BadRequest Violation(string field, string description, string reason) =>
        new() { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description, Reason = reason } } };
}
