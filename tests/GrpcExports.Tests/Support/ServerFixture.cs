using GrpcExports.Client;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Tests.Support;

/// <summary>The real server on a cleartext HTTP/2 loopback port chosen by the system, shared by a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private RunningServer? _server;

    /// <summary>The running server (its key, its connections).</summary>
    public RunningServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The server's base address, for example http://127.0.0.1:41234.</summary>
    public Uri Address => Server.Address;

    /// <inheritdoc cref="RunningServer.ApiKey"/>
    public string ApiKey => Server.ApiKey;

    /// <inheritdoc cref="RunningServer.Authorization"/>
    public Metadata Authorization => Server.Authorization;

    /// <inheritdoc cref="RunningServer.Connect"/>
    public GrpcConnection Connect() => Server.Connect();

    /// <inheritdoc cref="RunningServer.CreateApiKeyAsync"/>
    public Task<string> CreateApiKeyAsync(string userId, AccessTier tier = AccessTier.Runtime) => Server.CreateApiKeyAsync(userId, tier);

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
