using GrpcExports.Client;
using GrpcExports.Tests.Rendering.Export;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Reliability;

/// <summary>
/// The real server as a child process (so it can be SIGKILLed and its ffmpeg children told apart from other tests'),
/// with export output and media directories that outlive it, a short lease so a killed worker's job is taken over
/// quickly, and limits high enough that only the faults a test injects make calls fail. Restarts on the same database
/// and directories.
/// </summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;
    private readonly string[] _configuration;

    private FaultServer(TemporaryDirectory directory, string[] configuration, string connectionString, string outputDirectory)
    {
        _directory = directory;
        _configuration = configuration;
        ConnectionString = connectionString;
        OutputDirectory = outputDirectory;
    }

    public ServerProcess Process { get; private set; } = null!;

    public GrpcConnection Connection { get; private set; } = null!;

    public ProjectServiceClient Projects => new(Connection);

    public ExportServiceClient Exports => new(Connection);

    public string ConnectionString { get; }

    public string OutputDirectory { get; }

    /// <param name="connectionString">The database; a fresh one on the test run's shared cluster when null.</param>
    /// <param name="outputDirectory">Where exports are written; a folder of the server's temporary directory when null.</param>
    public static async Task<FaultServer> StartAsync(string? connectionString = null, string? outputDirectory = null, params string[] arguments)
    {
        var directory = new TemporaryDirectory();
        connectionString ??= await TestPostgres.CreateDatabaseAsync();
        outputDirectory ??= Path.Combine(directory.Path, "exports");
        var media = Directory.CreateDirectory(Path.Combine(directory.Path, "media")).FullName;
        string[] configuration =
        [
            $"--Database:ConnectionString={connectionString}",
            $"--Exports:OutputDirectory={outputDirectory}", $"--Exports:MediaDirectory={media}",
            "--Exports:LeaseDuration=00:00:03", "--Exports:PollInterval=00:00:00.5", "--Exports:MaxActivePerUser=1000",
            "--Projects:SnapshotEvery=7", "--Projects:SyncRate:Burst=1000000", .. arguments,
        ];
        var server = new FaultServer(directory, configuration, connectionString, outputDirectory);
        try
        {
            await server.RestartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Kills the running server (if any) and starts a new one on the same database and directories.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        Process = await ServerProcess.StartAsync(_configuration);
        Connection = Process.Connect();
    }

    /// <summary>The server's ffmpeg children still alive, as "pid name state".</summary>
    public IReadOnlyList<string> Ffmpegs() => ChildProcesses.Named("ffmpeg", Process.ProcessId);

    /// <summary>What renders leave behind while they run: partial outputs (hidden files) and scratch folders' files.</summary>
    public IReadOnlyList<string> Leftovers() => Directory.Exists(OutputDirectory)
        ? Directory.GetFiles(OutputDirectory, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetFileName(file).StartsWith('.') || Path.GetRelativePath(OutputDirectory, file).StartsWith(".scratch", StringComparison.Ordinal))
            .ToList()
        : [];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _directory.Dispose();
    }

    private async Task StopAsync()
    {
        Connection?.Dispose();
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }
    }
}
