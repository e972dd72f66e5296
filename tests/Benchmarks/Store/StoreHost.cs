using GrpcExports.Client;
using GrpcExports.Server.Hosting;
using GrpcExports.Server.Projects.Storage;
using GrpcExports.Server.Security.LocalCredentials;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Benchmarks.Store;

/// <summary>
/// The real server, in this process, on a loopback port, with its private PostgreSQL cluster (durable defaults) in a
/// fresh temporary directory that is deleted when the host stops. Exposes its project store and database so the two
/// designs can be measured side by side on the same database. gRPC calls use the key its first run wrote to the
/// credentials file in that directory, so both designs write as the same user.
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

    /// <summary>The user the first run's key acts as: the owner of everything written here.</summary>
    public static string OwnerId => FirstRunKey.LocalUserId;

    /// <summary>A connection with the first run's key.</summary>
    public GrpcConnection Connect()
    {
        var credentials = CredentialsFile.TryRead(CredentialsPath(_directory)) ?? throw new InvalidOperationException("The first run wrote no key.");
        return new GrpcConnection(new GrpcConnectionOptions(Address)
        {
            DefaultMetadata = new Metadata().Add("authorization", $"Bearer {credentials.ApiKey}"),
        });
    }

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
            $"--Security:CredentialsFile={CredentialsPath(directory)}",
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

    private static string CredentialsPath(string directory) => Path.Combine(directory, "credentials.json");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
