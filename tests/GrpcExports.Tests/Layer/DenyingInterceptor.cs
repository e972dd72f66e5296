using GrpcExports.Grpc.Calls;
using GrpcExports.Grpc.Interception;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.Layer;

/// <summary>Turns away calls that carry the header <see cref="HeaderName"/>, as an authentication interceptor would.</summary>
public sealed class DenyingInterceptor : IServerInterceptor
{
    public const string HeaderName = "x-probe-deny";

    public Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        if (context.RequestHeaders.ContainsKey(HeaderName))
        {
            throw new RpcException(StatusCode.PermissionDenied, "Denied by the probe interceptor.");
        }
        context.ResponseTrailers["x-probe-intercepted"] = context.Method;
        return next();
    }
}
