using GrpcExports.Grpc.Calls;

namespace GrpcExports.Grpc.Interception;

/// <summary>
/// Cross-cutting work around every call (authentication, idempotency, ...). An interceptor calls
/// <paramref name="next"/> to go on, or throws an RpcException to end the call with that status.
/// </summary>
public interface IServerInterceptor
{
    Task InterceptAsync(ServerCallContext context, Func<Task> next);
}
