using GrpcExports.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace GrpcExports.Tests.Support;

/// <summary>The real server on a real Kestrel listener on a free loopback port, shared by a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The server's base address, for example http://127.0.0.1:41234.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = ServerApplication.Build(["--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
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
