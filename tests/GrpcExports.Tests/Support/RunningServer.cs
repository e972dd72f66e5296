using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Hosting;
using GrpcExports.Server.Security.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GrpcExports.Tests.Support;

/// <summary>
/// The real server started with extra configuration, on a real Kestrel listener, with an admin-tier API key for
/// <see cref="TestApiKeys.TestUserId"/> ready (<see cref="Connect"/>); stopped on dispose.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _credentialsFile;

    private RunningServer(WebApplication app, Uri address, string? connectionString, string credentialsFile, string apiKey)
    {
        _app = app;
        _credentialsFile = credentialsFile;
        Address = address;
        ConnectionString = connectionString;
        DownloadAddress = app.DownloadAddress();
        ApiKey = apiKey;
    }

    /// <summary>The server's base address, for example http://127.0.0.1:41234.</summary>
    public Uri Address { get; }

    /// <summary>The HTTP/1.1 Download endpoint's base address (a loopback port of its own unless the arguments say otherwise).</summary>
    public Uri? DownloadAddress { get; }

    /// <summary>The connection string of the fresh test database the server uses; null when the arguments configured the database.</summary>
    public string? ConnectionString { get; }

    /// <summary>The secret of an admin-tier key (runtime access included) of <see cref="TestApiKeys.TestUserId"/>.</summary>
    public string ApiKey { get; }

    /// <summary>The metadata that sends <see cref="ApiKey"/>, for connection options a test sets itself.</summary>
    public Metadata Authorization => TestApiKeys.Authorization(ApiKey);

    /// <summary>A connection that sends <see cref="ApiKey"/> with every call.</summary>
    public GrpcConnection Connect() => new(TestApiKeys.Options(Address, ApiKey));

    /// <summary>A new key's secret for <paramref name="userId"/> (a new user when the id is new).</summary>
    public Task<string> CreateApiKeyAsync(string userId, AccessTier tier = AccessTier.Runtime) =>
        TestApiKeys.CreateAsync(_app.Services.GetRequiredService<ApiKeyStore>(), userId, tier);

    /// <summary>
    /// Starts the server; <paramref name="arguments"/> are command-line configuration such as an endpoint URL. Unless
    /// they configure the database, the server gets a fresh database on the test run's shared PostgreSQL cluster. A
    /// first run's credentials file, if the configuration makes one, goes to a temporary file, never the user's own.
    /// </summary>
    public static async Task<RunningServer> StartAsync(params string[] arguments)
    {
        var connectionString = arguments.Any(argument => argument.StartsWith("--Database:", StringComparison.OrdinalIgnoreCase))
            ? null
            : await TestPostgres.CreateDatabaseAsync();
        string[] database = connectionString is null ? [] : [$"--Database:ConnectionString={connectionString}"];
        var credentialsFile = Path.Combine(Path.GetTempPath(), $"grpcexports-test-credentials-{Guid.NewGuid():N}.json");
        // appsettings.json puts the Download endpoint on port 5080; servers started side by side each take a free port.
        var app = ServerApplication.Build(["--Logging:LogLevel:Default=Warning", "--Kestrel:Endpoints:Download:Url=http://127.0.0.1:0",
            $"--Security:CredentialsFile={credentialsFile}", .. database, .. arguments]);
        try
        {
            await app.StartAsync();
            var apiKey = await TestApiKeys.CreateAsync(app.Services.GetRequiredService<ApiKeyStore>(), TestApiKeys.TestUserId);
            return new RunningServer(app, new Uri(app.ListeningAddresses().Single()), connectionString, credentialsFile, apiKey);
        }
        catch
        {
            await app.DisposeAsync();
            File.Delete(credentialsFile);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_credentialsFile);
    }
}
