using GrpcExports.Grpc.Hosting;
using GrpcExports.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrpcExports.Tests.Layer;

/// <summary>The gRPC layer serving the probe service on a real Kestrel HTTP/2 listener on a free loopback port.</summary>
public sealed class ProbeServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public CancellationLedger Ledger { get; } = new();

    public CapturedLog Log { get; } = new();

    /// <summary>The message size limit the probe server is configured with, both ways.</summary>
    public const int MaxMessageSize = 8 * 1024 * 1024;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        // The server's appsettings.json is copied beside the tests; the probe must not pick up its endpoint.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Log);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, endpoint => endpoint.Protocols = HttpProtocols.Http2));
        builder.Configuration["Grpc:MaxReceiveMessageSize"] = MaxMessageSize.ToString();
        builder.Configuration["Grpc:MaxSendMessageSize"] = MaxMessageSize.ToString();
        builder.Services.AddGrpcLayer(builder.Configuration);
        builder.Services.AddSingleton(Ledger);
        builder.Services.AddGrpcService<ProbeService>();
        builder.Services.AddGrpcInterceptor<DenyingInterceptor>();
        _app = builder.Build();
        _app.UseGrpcLayer();
        await _app.StartAsync();
        Address = new Uri(_app.ListeningAddresses().Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
