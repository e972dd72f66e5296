using GrpcExports.Client;
using GrpcExports.Server.Hosting;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Projects.Storage;
using GrpcExports.Server.Security.Keys;
using GrpcExports.Server.Security.LocalCredentials;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Benchmarks.Store;

/// <summary>
/// The real server, in this process, on a loopback port, with its private PostgreSQL cluster (durable defaults) in a
/// fresh temporary directory (exports are written there too) that is deleted when the host stops. Exposes its project store and database so the two
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
    public GrpcConnection Connect() =>
        Connect((CredentialsFile.TryRead(CredentialsPath(_directory)) ?? throw new InvalidOperationException("The first run wrote no key.")).ApiKey);

    private GrpcConnection Connect(string apiKey) => new(new GrpcConnectionOptions(Address)
    {
        DefaultMetadata = new Metadata().Add("authorization", $"Bearer {apiKey}"),
    });

    internal ProjectStore Projects => _app.Services.GetRequiredService<ProjectStore>();

    public NpgsqlDataSource Database => _app.Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>A connection with a new key of <paramref name="userId"/> (a new user when the id is new).</summary>
    public async Task<GrpcConnection> ConnectAsAsync(string userId, CancellationToken cancellationToken)
    {
        var (_, secret) = await _app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(userId, "bench", AccessTier.Runtime, expiresAt: null, cancellationToken);
        return Connect(secret);
    }

    /// <summary>Runs one store write in its own committed transaction, as the RPCs do.</summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await write(transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <param name="configuration">More command-line configuration, e.g. the sync rate limit.</param>
    public static async Task<StoreHost> StartAsync(CancellationToken cancellationToken, params string[] configuration)
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
            .. configuration,
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
