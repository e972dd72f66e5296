using GrpcExports.Protocol.Wire;

namespace GrpcExports.PowerShell.Engine;

/// <summary>The client's RpcException in the module's own terms, so no Google.Protobuf type leaves the engine.</summary>
internal static class RpcErrorTranslation
{
    public static GxRpcException ToGxRpcException(RpcException error)
    {
        var violations = error.BadRequest?.FieldViolations
            .Select(violation => new GxFieldViolation(violation.Field, violation.Description))
            .ToArray() ?? [];
        return new GxRpcException(ProtoNames.UpperSnake(error.StatusCode.ToString()), error.Reason, error.Detail, violations, error);
    }
}
