namespace GrpcExports.PowerShell.Engine;

/// <summary>A failed call, translated by the engine from the client's RpcException into module-owned terms.</summary>
internal sealed class GxRpcException : Exception
{
    public GxRpcException(string statusCode, string? reason, string detail, IReadOnlyList<GxFieldViolation> fieldViolations, Exception inner)
        : base(detail, inner)
    {
        StatusCode = statusCode;
        Reason = reason;
        FieldViolations = fieldViolations;
    }

    /// <summary>The gRPC status name, such as ABORTED or NOT_FOUND.</summary>
    public string StatusCode { get; }

    /// <summary>The ErrorInfo reason, such as STALE_STATE_VERSION; null when the server sent none.</summary>
    public string? Reason { get; }

    public IReadOnlyList<GxFieldViolation> FieldViolations { get; }
}

/// <summary>One BadRequest field violation: the offending request field and why.</summary>
internal sealed record GxFieldViolation(string Field, string Description);
