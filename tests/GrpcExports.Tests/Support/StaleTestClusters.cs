using System.Globalization;
using GrpcExports.Server.Database.Embedded;

namespace GrpcExports.Tests.Support;

/// <summary>
/// Removes what test runs that were killed left behind: temporary directories of processes that no longer exist, and
/// the PostgreSQL clusters still running in them (ended with SIGKILL: their data is thrown away anyway).
/// </summary>
internal static class StaleTestClusters
{
    public static void Remove()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), TemporaryDirectory.NamePrefix + "*"))
        {
            if (OwnerIsAlive(directory))
            {
                continue;
            }
            foreach (var clusterRoot in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories)
                         .Where(path => File.Exists(Path.Combine(path, "data", "postmaster.pid"))))
            {
                KillPostmaster(new ClusterLayout(clusterRoot));
            }
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A postgres child still exiting; the next run tries again.
            }
        }
    }

    private static bool OwnerIsAlive(string directory)
    {
        var name = Path.GetFileName(directory)[TemporaryDirectory.NamePrefix.Length..];
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash <= 0 || !int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || Directory.Exists($"/proc/{processId}");
    }

    private static void KillPostmaster(ClusterLayout layout)
    {
        if (PostmasterLock.FindRunningPostmasterOrClearStaleLock(layout) is { } processId)
        {
            try
            {
                using var postmaster = System.Diagnostics.Process.GetProcessById(processId);
                postmaster.Kill();
                postmaster.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }
}
