using GrpcExports.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace GrpcExports.Tests.Support;

/// <summary>The real server started with extra configuration, on a real Kestrel listener; stopped on dispose.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri address, string? connectionString)
    {
        _app = app;
        Address = address;
        ConnectionString = connectionString;
        DownloadAddress = app.DownloadAddress();
    }

    /// <summary>The server's base address, for example http://127.0.0.1:41234.</summary>
    public Uri Address { get; }

    /// <summary>The HTTP/1.1 Download endpoint's base address (a loopback port of its own unless the arguments say otherwise).</summary>
    public Uri? DownloadAddress { get; }

    /// <summary>The connection string of the fresh test database the server uses; null when the arguments configured the database.</summary>
    public string? ConnectionString { get; }

    /// <summary>
    /// Starts the server; <paramref name="arguments"/> are command-line configuration such as an endpoint URL. Unless
    /// they configure the database, the server gets a fresh database on the test run's shared PostgreSQL cluster.
    /// </summary>
    public static async Task<RunningServer> StartAsync(params string[] arguments)
    {
        var connectionString = arguments.Any(argument => argument.StartsWith("--Database:", StringComparison.OrdinalIgnoreCase))
            ? null
            : await TestPostgres.CreateDatabaseAsync();
        string[] database = connectionString is null ? [] : [$"--Database:ConnectionString={connectionString}"];
        // appsettings.json puts the Download endpoint on port 5080; servers started side by side each take a free port.
        var app = ServerApplication.Build(["--Logging:LogLevel:Default=Warning", "--Kestrel:Endpoints:Download:Url=http://127.0.0.1:0",
            .. database, .. arguments]);
        await app.StartAsync();
        return new RunningServer(app, new Uri(app.ListeningAddresses().Single()), connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
