using GrpcExports.Server.Hosting;
using GrpcExports.Server.Projects.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Benchmarks.Store;

/// <summary>
/// The real server, in this process, on a loopback port, with its private PostgreSQL cluster (durable defaults) in a
/// fresh temporary directory that is deleted when the host stops. Exposes its project store and database so the two
/// designs can be measured side by side on the same database.
/// </summary>
public sealed class StoreHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private StoreHost(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        Address = new Uri(app.ListeningAddresses().Single());
    }

    public Uri Address { get; }

    internal ProjectStore Projects => _app.Services.GetRequiredService<ProjectStore>();

    public NpgsqlDataSource Database => _app.Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>Runs one store write in its own committed transaction, as the RPCs do.</summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await write(transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public static async Task<StoreHost> StartAsync(CancellationToken cancellationToken)
    {
        // Readable by the cluster's own user when running as root (the default permissions of a new directory).
        var directory = Path.Combine(Path.GetTempPath(), $"grpcexports-bench-store-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var app = ServerApplication.Build(
        [
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            "--Kestrel:Endpoints:Download:Url=http://127.0.0.1:0",
            $"--Database:DataDirectory={directory}",
            "--Logging:LogLevel:Default=Warning",
            // The steady phase syncs one project 50 times a second, above the editor-sized default limit.
            "--Projects:SyncRate:RatePerSecond=100000",
            "--Projects:SyncRate:Burst=100000",
        ]);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(directory, recursive: true);
            throw;
        }
        return new StoreHost(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
