using System.Diagnostics;

namespace GrpcExports.Tests.Support;

/// <summary>
/// Stops a test cluster and deletes its directory once the test process has exited, however it exits: the test
/// runner ends the process without waiting for cleanup code, and a hung run is killed. A detached shell (its own
/// session, so ending the test process tree does not end it) waits for this process to be gone, sends the postmaster
/// SIGQUIT (immediate shutdown: the data is thrown away anyway), waits for it to exit, and removes the directory.
/// </summary>
internal static class CleanupAfterExit
{
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        while kill -0 "$1"; do sleep 0.2; done
        postmaster=$(head -n 1 "$2")
        if [ -n "$postmaster" ] && kill -QUIT "$postmaster"; then
            while kill -0 "$postmaster"; do sleep 0.1; done
        fi
        rm -rf "$3"
        """;

    public static void StopClusterAndDelete(string postmasterPidFile, string directory)
    {
        var watcher = new ProcessStartInfo("setsid")
        {
            ArgumentList = { "--fork", "sh", "-c", Script, "cleanup-after-tests", Environment.ProcessId.ToString(), postmasterPidFile, directory },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(watcher) ?? throw new InvalidOperationException("setsid did not start.");
        process.WaitForExit();
    }
}
