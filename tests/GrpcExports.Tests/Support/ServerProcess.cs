using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using GrpcExports.Client;

namespace GrpcExports.Tests.Support;

/// <summary>
/// The real server run as a child process (the build beside this test build's configuration) on a loopback port the
/// system chooses, so that a test can SIGKILL it; killed on dispose if it is still running. Its output is kept for
/// failure messages. With a configured database it has an admin-tier key of <see cref="TestApiKeys.TestUserId"/> ready
/// (<see cref="Connect"/>).
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private const string ConnectionStringArgument = "--Database:ConnectionString=";

    /// <summary>Hang protection only: start-up, migrations included, normally takes a few seconds.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => _process = process;

    /// <summary>The server's base address, for example http://127.0.0.1:41234.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The secret of an admin-tier key of <see cref="TestApiKeys.TestUserId"/>; null unless the arguments configured the database.</summary>
    public string? ApiKey { get; private set; }

    /// <summary>A connection that sends <see cref="ApiKey"/> with every call.</summary>
    public GrpcConnection Connect() =>
        new(TestApiKeys.Options(Address, ApiKey ?? throw new InvalidOperationException("Start the server with --Database:ConnectionString to get a key.")));

    /// <summary>The server's process id (for reading its memory from /proc).</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the server printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server with <paramref name="arguments"/> as command-line configuration and waits until it listens.</summary>
    public static async Task<ServerProcess> StartAsync(params string[] arguments)
    {
        var serverDll = LocateServerAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
        };
        // A first run's credentials file, if the configuration makes one, never lands in the user's own. The Download
        // endpoint listens on 127.0.0.2, so the only "Now listening on" line for 127.0.0.1 is the gRPC endpoint's.
        var credentialsFile = Path.Combine(Path.GetTempPath(), $"grpcexports-test-credentials-{Guid.NewGuid():N}.json");
        foreach (var argument in (string[])[serverDll, "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
                     "--Kestrel:Endpoints:Download:Url=http://127.0.0.2:0", "--Logging:LogLevel:Default=Warning",
                     "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", $"--Security:CredentialsFile={credentialsFile}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the server."));
        server._process.OutputDataReceived += (_, e) => server.Record(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        _ = server._process.WaitForExitAsync().ContinueWith(
            _ => server._address.TrySetException(new InvalidOperationException($"The server exited during start-up:\n{server.Output}")),
            TaskScheduler.Default);
        try
        {
            server.Address = await server._address.Task.WaitAsync(StartLimit);
            if (arguments.FirstOrDefault(argument => argument.StartsWith(ConnectionStringArgument, StringComparison.Ordinal)) is { } database)
            {
                server.ApiKey = await TestApiKeys.CreateAsync(database[ConnectionStringArgument.Length..], TestApiKeys.TestUserId);
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Kills the server with SIGKILL, as a crash or an OOM killer would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _address.TrySetResult(new Uri(match.Groups["address"].Value));
        }
    }

    /// <summary>server/GrpcExports.Server/bin/{Configuration}/{TargetFramework}/, built before the tests (the test project references it).</summary>
    private static string LocateServerAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepoPaths.Root, "server", "GrpcExports.Server", "bin", testOutput.Parent?.Name ?? "Debug", testOutput.Name,
            "GrpcExports.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The server is not built at {path}.", path);
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
