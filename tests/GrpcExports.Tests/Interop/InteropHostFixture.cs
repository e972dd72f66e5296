using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Interop;

/// <summary>
/// tests/InteropHost started as its own process on a free loopback port (it binds port 0 and reports the port it got),
/// shared by a test class and killed with its process tree at the end. Its output is kept for failure messages.
/// </summary>
public sealed partial class InteropHostFixture : IAsyncLifetime
{
    /// <summary>Hang protection only: start-up normally takes about a second.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>What the host printed so far (its call log included).</summary>
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

    public async Task InitializeAsync()
    {
        var hostDll = LocateHostAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        foreach (var argument in new[]
        {
            hostDll, "--port", "0", "--host", Host,
            "--Logging:Console:FormatterName=simple", "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the interop host.");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _ = _process.WaitForExitAsync().ContinueWith(
            _ => _port.TrySetException(new InvalidOperationException($"The interop host exited during start-up:\n{Output}")),
            TaskScheduler.Default);

        try
        {
            Port = await _port.Task.WaitAsync(StartLimit);
            await WaitUntilAcceptingAsync();
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The interop host did not report a listening address within {StartLimit}:\n{Output}");
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        return Task.CompletedTask;
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
            _port.TrySetResult(int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task WaitUntilAcceptingAsync()
    {
        using var limit = new CancellationTokenSource(StartLimit);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(Host, Port, limit.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, limit.Token);
            }
        }
    }

    /// <summary>
    /// The host's build output beside this test assembly's: tests/InteropHost/bin/{Configuration}/{TargetFramework}/.
    /// The test project references InteropHost (without referencing its assembly) so that it is built first.
    /// </summary>
    private static string LocateHostAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var targetFramework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Debug";
        var path = Path.Combine(RepoPaths.Root, "tests", "InteropHost", "bin", configuration, targetFramework, "InteropHost.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The interop host is not built at {path}; build tests/InteropHost ({configuration}) first.", path);
    }

    [GeneratedRegex(@"Now listening on: http://[^\s]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
