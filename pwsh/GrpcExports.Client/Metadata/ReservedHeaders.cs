using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client;

/// <summary>
/// Headers that belong to the gRPC and HTTP/2 protocols rather than to the application: callers cannot send them
/// as metadata, and they are left out of the response headers and trailers a call exposes.
/// </summary>
internal static class ReservedHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type",
        "content-length",
        "te",
        "host",
        "user-agent",
        "connection",
        "transfer-encoding",
        GrpcHeaders.Status,
        GrpcHeaders.Message,
        GrpcHeaders.StatusDetails,
        GrpcHeaders.Encoding,
        GrpcHeaders.AcceptEncoding,
        GrpcHeaders.Timeout,
    };

    public static bool IsReserved(string name) => Names.Contains(name);
}
