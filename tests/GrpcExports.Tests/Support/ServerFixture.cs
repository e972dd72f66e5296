namespace GrpcExports.Tests.Support;

/// <summary>The real server on a cleartext HTTP/2 loopback port chosen by the system, shared by a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private RunningServer? _server;

    /// <summary>The server's base address, for example http://127.0.0.1:41234.</summary>
    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
