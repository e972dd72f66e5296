using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client.Internal;

/// <summary>
/// Turns whatever the HTTP stack threw into the status the call ends with (grpc/grpc doc/PROTOCOL-HTTP2.md,
/// "Errors"): a stopped call is CANCELLED or DEADLINE_EXCEEDED, a reset stream maps by its HTTP/2 error code, and a
/// connection that failed or dropped is UNAVAILABLE.
/// </summary>
internal static class TransportErrors
{
    public static RpcException ToRpcException(Exception exception, CallScope scope)
    {
        if (scope.StopReason is { } stopped)
        {
            return new RpcException(stopped.StatusCode, stopped.Detail, inner: exception);
        }
        if (exception is RpcException rpc)
        {
            return rpc;
        }
        if (Find<HttpProtocolException>(exception) is { } reset)
        {
            return new RpcException(FromHttp2ErrorCode(reset.ErrorCode),
                $"The server ended the HTTP/2 stream with error code {reset.ErrorCode}.", inner: exception);
        }
        return exception switch
        {
            HttpRequestException or IOException =>
                new RpcException(StatusCode.Unavailable, "The connection to the server failed: " + exception.Message, inner: exception),
            OperationCanceledException or ObjectDisposedException =>
                new RpcException(StatusCode.Cancelled, "The call was cancelled: " + exception.Message, inner: exception),
            _ => new RpcException(StatusCode.Internal, "The call failed in the client: " + exception.Message, inner: exception),
        };
    }

    private static StatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        0x7 => StatusCode.Unavailable,       // REFUSED_STREAM: the server did not start the call
        0x8 => StatusCode.Cancelled,         // CANCEL
        0xB => StatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
        0xC => StatusCode.PermissionDenied,  // INADEQUATE_SECURITY
        _ => StatusCode.Internal,
    };

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }
        return null;
    }
}
