namespace GrpcExports.Protocol.Wire;

/// <summary>Header and trailer names and values of the gRPC-over-HTTP/2 protocol.</summary>
public static class GrpcHeaders
{
    public const string ContentType = "application/grpc";
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string StatusDetails = "grpc-status-details-bin";
    public const string Encoding = "grpc-encoding";
    public const string AcceptEncoding = "grpc-accept-encoding";
    public const string Timeout = "grpc-timeout";
    public const string BinarySuffix = "-bin";

    /// <summary>True for application/grpc and its subtypes (application/grpc+proto, application/grpc; charset=...).</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (contentType.Length == ContentType.Length)
        {
            return true;
        }
        var next = contentType[ContentType.Length];
        return next is '+' or ';';
    }
}
