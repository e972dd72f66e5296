using GrpcExports.Client;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Npgsql;

namespace GrpcExports.Tests.Assets;

/// <summary>
/// The real server with its asset directory in a temporary folder and an upload cap of <see cref="MaxUploadBytes"/>,
/// shared by a test class; it can also say what is stored (rows and files) for "nothing was kept" checks.
/// </summary>
public sealed class AssetServerFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 8 * 1024 * 1024;

    private readonly TemporaryDirectory _directory = new();
    private RunningServer? _server;

    public Uri Address => Server.Address;

    /// <inheritdoc cref="RunningServer.ApiKey"/>
    public string ApiKey => Server.ApiKey;

    /// <inheritdoc cref="RunningServer.Connect"/>
    public GrpcConnection Connect() => Server.Connect();

    public string AssetDirectory => Path.Combine(_directory.Path, "assets");

    /// <summary>The server's own test database.</summary>
    public string ConnectionString => Server.ConnectionString!;

    private RunningServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
        $"--Assets:Directory={AssetDirectory}", $"--Assets:MaxUploadBytes={MaxUploadBytes}");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _directory.Dispose();
    }

    /// <summary>The asset rows, the content files and the files still in the incoming folder, right now.</summary>
    public Task<StoredAssets> StoredAsync() => StoredAssets.ReadAsync(ConnectionString, AssetDirectory);

    /// <summary>Runs a refused upload and checks that it left no row and no file.</summary>
    public async Task<RpcException> RefusedAsync(Func<Task> upload)
    {
        var before = await StoredAsync();
        var error = await Assert.ThrowsAsync<RpcException>(upload);
        var after = await StoredAsync();
        Assert.True(StoredAssetsComparer.Instance.Equals(before, after), $"before: {before}\nafter: {after}");
        Assert.Empty(after.IncomingFiles);
        return error;
    }
}

/// <summary>What the asset store holds: row count, content files, uploads in progress.</summary>
public sealed record StoredAssets(long Rows, string[] ContentFiles, string[] IncomingFiles)
{
    /// <summary>What the server with this database and asset directory holds right now.</summary>
    public static async Task<StoredAssets> ReadAsync(string connectionString, string assetDirectory)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM assets", connection);
        var rows = (long)(await command.ExecuteScalarAsync())!;
        return new StoredAssets(rows, Files(assetDirectory, "content"), Files(assetDirectory, "incoming"));
    }

    private static string[] Files(string assetDirectory, string folder)
    {
        var path = Path.Combine(assetDirectory, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [];
    }

    public override string ToString() =>
        $"{Rows} rows, content [{string.Join(", ", ContentFiles.Select(Path.GetFileName))}], incoming [{string.Join(", ", IncomingFiles.Select(Path.GetFileName))}]";
}
