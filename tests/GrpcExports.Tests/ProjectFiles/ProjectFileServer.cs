using GrpcExports.Client;
using GrpcExports.Tests.Support;
using Npgsql;

namespace GrpcExports.Tests.ProjectFiles;

/// <summary>
/// One real server with a fresh database and everything it writes (assets, thumbnails, exports) under its own temporary
/// data directory, one export worker (the default) and small project-file limits (<see cref="MaxFileBytes"/>, <see cref="MaxUncompressedBytes"/>).
/// </summary>
public sealed class ProjectFileServer : IAsyncDisposable
{
    public const long MaxFileBytes = 16 * 1024 * 1024;
    public const long MaxUncompressedBytes = 64 * 1024 * 1024;

    private readonly TemporaryDirectory _directory;
    private readonly RunningServer _server;
    private readonly GrpcConnection _connection;

    private ProjectFileServer(TemporaryDirectory directory, RunningServer server)
    {
        _directory = directory;
        _server = server;
        _connection = server.Connect();
    }

    public string DataDirectory => _directory.Path;

    public string AssetDirectory => Path.Combine(_directory.Path, "assets");

    public string ThumbnailDirectory => Path.Combine(_directory.Path, "thumbnails");

    public ProjectServiceClient Projects => new(_connection);

    public AssetServiceClient Assets => new(_connection);

    public ExportServiceClient Exports => new(_connection);

    public static async Task<ProjectFileServer> StartAsync()
    {
        var directory = new TemporaryDirectory();
        var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            $"--Assets:Directory={Path.Combine(directory.Path, "assets")}", $"--Thumbnails:Directory={Path.Combine(directory.Path, "thumbnails")}",
            $"--Exports:OutputDirectory={Path.Combine(directory.Path, "exports")}", $"--Exports:MediaDirectory={Path.Combine(directory.Path, "media")}",
            $"--ProjectFiles:MaxFileBytes={MaxFileBytes}", $"--ProjectFiles:MaxUncompressedBytes={MaxUncompressedBytes}");
        return new ProjectFileServer(directory, server);
    }

    /// <summary>How many project and asset rows the database holds, and the files under the data directory.</summary>
    public async Task<(long Projects, long Assets, string[] Files)> StoredAsync()
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM assets)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var files = Directory.GetFiles(DataDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        return (reader.GetInt64(0), reader.GetInt64(1), files);
    }

    public async ValueTask DisposeAsync()
    {
        _connection.Dispose();
        await _server.DisposeAsync();
        _directory.Dispose();
    }
}

/// <summary>Two servers with separate fresh databases: a project file written by the first is imported on the second.</summary>
public sealed class TwoProjectFileServers : IAsyncLifetime
{
    private ProjectFileServer? _source;
    private ProjectFileServer? _target;

    public ProjectFileServer Source => _source ?? throw new InvalidOperationException("The servers have not started.");

    public ProjectFileServer Target => _target ?? throw new InvalidOperationException("The servers have not started.");

    public async Task InitializeAsync()
    {
        _source = await ProjectFileServer.StartAsync();
        _target = await ProjectFileServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }
}

/// <summary>One <see cref="ProjectFileServer"/> shared by a test class.</summary>
public sealed class OneProjectFileServer : IAsyncLifetime
{
    private ProjectFileServer? _server;

    public ProjectFileServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await ProjectFileServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
