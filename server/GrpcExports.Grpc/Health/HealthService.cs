using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.Wire;
using Microsoft.Extensions.Hosting;

namespace GrpcExports.Grpc.Health;

/// <summary>
/// grpc.health.v1.Health: Check answers now; Watch streams the status and its changes. When the server begins to
/// shut down, watchers get NOT_SERVING and then the end of their stream, so open watches do not hold up shutdown.
/// </summary>
internal sealed class HealthService(HealthStatusRegistry registry, IHostApplicationLifetime lifetime) : IGrpcService
{
    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services[0];

    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = registry.Find(request.Service)
            ?? throw new RpcException(StatusCode.NotFound, $"Service '{request.Service}' is not known to this server.");
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        using var subscription = registry.Watch(request.Service);
        try
        {
            await foreach (var status in subscription.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                await responses.WriteAsync(new HealthCheckResponse { Status = status }).ConfigureAwait(false);
                if (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher left or the deadline passed; the call layer reports the status.
        }
    }
}
