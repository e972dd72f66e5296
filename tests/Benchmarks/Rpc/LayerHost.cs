using GrpcExports.Grpc.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Rpc;

/// <summary>Host A: our gRPC layer serving <see cref="EchoService"/>, hosted as the product hosts it.</summary>
public static class LayerHost
{
    public const string Name = "layer";

    public static async Task<BenchmarkHost> StartAsync(CancellationToken cancellationToken)
    {
        var calls = new CallCounter();
        var builder = LoopbackKestrel.CreateBuilder();
        builder.Services.AddGrpcLayer(builder.Configuration);
        builder.Services.AddSingleton(calls);
        builder.Services.AddGrpcService<EchoService>();
        var app = builder.Build();
        app.UseGrpcLayer();
        var address = await LoopbackKestrel.StartAsync(app, cancellationToken);
        return new BenchmarkHost(Name, app, address, calls);
    }
}
