using GrpcExports.Grpc.Calls;
using GrpcExports.Grpc.Hosting;
using Microsoft.Extensions.Options;

namespace GrpcExports.Grpc.Interception;

/// <summary>The registered interceptors, in registration order, around each call's handler; plus what every call shares.</summary>
internal sealed class CallPipeline(IEnumerable<IServerInterceptor> interceptors, IOptions<GrpcServerOptions> options, CallLog log)
{
    private readonly IServerInterceptor[] _interceptors = interceptors.ToArray();

    public GrpcServerOptions Options { get; } = options.Value;

    public CallLog Log { get; } = log;

    /// <summary>Whether any interceptor is registered; without one a call runs its handler directly.</summary>
    public bool HasInterceptors => _interceptors.Length > 0;

    /// <summary>Runs the interceptors and the handler; an interceptor that throws before returning a task fails the task.</summary>
    public async Task RunAsync(ServerCallContext context, Func<Task> handler) => await RunFrom(0, context, handler).ConfigureAwait(false);

    private Task RunFrom(int index, ServerCallContext context, Func<Task> handler) =>
        index == _interceptors.Length
            ? handler()
            : _interceptors[index].InterceptAsync(context, () => RunFrom(index + 1, context, handler));
}
