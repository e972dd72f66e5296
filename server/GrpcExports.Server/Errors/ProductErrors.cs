using Google.Protobuf;
using Google.Rpc;
using GrpcExports.Protocol.Errors;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Server.Errors;

/// <summary>Failures in the product's vocabulary: a status, an ErrorInfo with the reason and facts, and further details.</summary>
internal static class ProductErrors
{
    public static RpcException Create(StatusCode code, ErrorReason reason, string message,
        IReadOnlyDictionary<string, string>? metadata = null, params IMessage[] details)
    {
        var info = new ErrorInfo { Reason = ErrorReasons.ToWire(reason), Domain = ErrorReasons.Domain };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            info.Metadata[key] = value;
        }
        return RpcException.WithDetails(code, message, [info, .. details]);
    }

    /// <summary>INVALID_ARGUMENT / INVALID_REQUEST naming the request field that is missing.</summary>
    public static RpcException MissingField(string field, string description) =>
        Create(StatusCode.InvalidArgument, ErrorReason.InvalidRequest, description, null,
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description, Reason = "REQUIRED" } } });
}
