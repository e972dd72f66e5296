using GrpcExports.Client;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Exports;

/// <summary>
/// A real server whose export output and media directories are a fresh temporary directory, with clients for both
/// services and the account service (webhook secrets). Extra arguments configure it (e.g. <c>--Exports:Workers=0</c> for
/// one that queues but never renders).
/// </summary>
internal sealed class ExportServer : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;
    private readonly RunningServer _server;
    private readonly GrpcConnection _connection;
    private bool _stopped;

    private ExportServer(TemporaryDirectory directory, RunningServer server)
    {
        _directory = directory;
        _server = server;
        _connection = server.Connect();
        Exports = new ExportServiceClient(_connection);
        Projects = new ProjectServiceClient(_connection);
        Accounts = new AccountServiceClient(_connection);
    }

    /// <summary>The server's base address, for independent clients such as buf curl.</summary>
    public Uri Address => _server.Address;

    /// <summary>The HTTP/1.1 Download endpoint's base address, where download URLs point.</summary>
    public Uri DownloadAddress => _server.DownloadAddress ?? throw new InvalidOperationException("The server has no Download endpoint.");

    /// <inheritdoc cref="RunningServer.ApiKey"/>
    public string ApiKey => _server.ApiKey;

    /// <inheritdoc cref="RunningServer.Connect"/>
    public GrpcConnection Connect() => _server.Connect();

    public ExportServiceClient Exports { get; }

    public ProjectServiceClient Projects { get; }

    public AccountServiceClient Accounts { get; }

    /// <summary>The connection string of its database (for a second instance, or to look into export_jobs).</summary>
    public string ConnectionString { get; private init; } = "";

    public string OutputDirectory => Path.Combine(_directory.Path, "exports");

    public string MediaDirectory => Path.Combine(_directory.Path, "media");

    /// <summary>A server on a fresh database.</summary>
    public static async Task<ExportServer> StartAsync(params string[] arguments) =>
        await StartOnAsync(await TestPostgres.CreateDatabaseAsync(), arguments);

    /// <summary>A server on <paramref name="connectionString"/>'s database, e.g. a second instance beside another.</summary>
    public static async Task<ExportServer> StartOnAsync(string connectionString, params string[] arguments)
    {
        var directory = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, "media"));
        var server = await RunningServer.StartAsync(
        [
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            $"--Database:ConnectionString={connectionString}",
            $"--Exports:OutputDirectory={Path.Combine(directory.Path, "exports")}",
            $"--Exports:MediaDirectory={Path.Combine(directory.Path, "media")}",
            .. arguments,
        ]);
        return new ExportServer(directory, server) { ConnectionString = connectionString };
    }

    /// <summary>Every file left in the output directory (the renderer's scratch folders included).</summary>
    public IReadOnlyList<string> OutputFiles() => Directory.Exists(OutputDirectory)
        ? Directory.GetFiles(OutputDirectory, "*", SearchOption.AllDirectories)
        : [];

    /// <summary>Shuts the server down the way the host does, keeping its directories to look into; dispose removes them.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            _connection.Dispose();
            await _server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _directory.Dispose();
    }
}
