using System.Net;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client.Internal;

/// <summary>
/// The status of a response that is not HTTP 200 and carries no grpc-status, as grpc/grpc
/// doc/http-grpc-status-mapping.md prescribes (usually a proxy or a server that is not speaking gRPC).
/// </summary>
internal static class HttpStatusMapping
{
    public static StatusCode ToStatusCode(HttpStatusCode httpStatus) => (int)httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    public static RpcException ToRpcException(HttpStatusCode httpStatus) =>
        new(ToStatusCode(httpStatus), $"Bad gRPC response: HTTP status code {(int)httpStatus}.");
}
