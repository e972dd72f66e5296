using Grpc.Health.V1;
using GrpcExports.Client;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace GrpcExports.Tests.Hosting;

/// <summary>grpc.health.v1 as load balancers and scripts use it: checks, watches, and what a shutdown tells them.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Checks_the_server_and_each_service_and_refuses_unknown_ones()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        using var connection = new GrpcConnection(server.Address);
        var health = new HealthClient(connection);

        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(string.Empty)).Status);
        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync("grpcexports.v1.ExportService")).Status);
        var error = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync("no.Such"));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Tells_watchers_not_serving_and_ends_their_streams_when_the_server_shuts_down()
    {
        var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        using var connection = new GrpcConnection(new GrpcConnectionOptions(server.Address) { RetryPolicy = RetryPolicy.None });
        var statuses = new List<ServingStatus>();
        var shutdown = Task.CompletedTask;

        await foreach (var response in new HealthClient(connection).WatchAsync(string.Empty))
        {
            statuses.Add(response.Status);
            if (statuses.Count == 1)
            {
                shutdown = server.DisposeAsync().AsTask();
            }
        }
        await shutdown;

        Assert.Equal([ServingStatus.Serving, ServingStatus.NotServing], statuses);
    }

    [Fact]
    public async Task Keeps_a_watch_on_an_unknown_service_open_with_service_unknown()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        using var connection = new GrpcConnection(server.Address);
        using var stop = new CancellationTokenSource();
        var statuses = new List<ServingStatus>();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var response in new HealthClient(connection).WatchAsync("no.Such").WithCancellation(stop.Token))
            {
                statuses.Add(response.Status);
                stop.CancelAfter(TimeSpan.FromMilliseconds(300));
            }
        });

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal([ServingStatus.ServiceUnknown], statuses);
    }
}
