using Microsoft.Extensions.Hosting;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace GrpcExports.Grpc.Health;

/// <summary>Reports NOT_SERVING for everything once the host starts shutting down, so load balancers drain it.</summary>
internal sealed class HealthLifetimeTracker(IHostApplicationLifetime lifetime, HealthStatusRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => registry.SetAll(ServingStatus.NotServing));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
