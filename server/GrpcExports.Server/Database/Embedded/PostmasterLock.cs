using System.Globalization;

namespace GrpcExports.Server.Database.Embedded;

/// <summary>
/// The postmaster.pid a cluster's postmaster holds while it runs. After a crash the file stays behind. PostgreSQL
/// itself replaces it when the process id in it is gone (after checking that no orphaned backend still uses the old
/// shared memory, which is why such a file is left to it), but refuses to start when that id has since been reused by
/// another live process (after a reboot, in a container), or names one the cluster's user may not signal. This
/// removes only that kind of stale file, and the socket's lock file, which has the same problem.
/// </summary>
internal static class PostmasterLock
{
    /// <summary>
    /// The process id of a live postgres process named in the cluster's lock file, or null when no postmaster runs
    /// there. A lock file naming a live process that is not postgres (or holding no process id) is deleted.
    /// </summary>
    public static int? FindRunningPostmasterOrClearStaleLock(ClusterLayout layout)
    {
        var processId = ReadProcessId(layout.PostmasterPidFile);
        if (processId is null)
        {
            return null;
        }
        if (processId > 0 && IsPostgresProcess(processId.Value))
        {
            // Conservative on purpose: deleting the lock of a live postmaster would let a second one start on the
            // same files. A postgres process with this id is taken to be the cluster's own postmaster.
            return processId;
        }
        if (processId == 0 || IsAlive(processId.Value))
        {
            File.Delete(layout.PostmasterPidFile);
            File.Delete(layout.SocketLockFile);
        }
        return null;
    }

    /// <summary>The first line of postmaster.pid: the postmaster's process id; null when there is no such file.</summary>
    private static int? ReadProcessId(string pidFile)
    {
        string? firstLine;
        try
        {
            firstLine = File.ReadLines(pidFile).FirstOrDefault();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        // An unreadable or half-written file holds no live postmaster's id: 0 names no process.
        return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
    }

    /// <summary>Whether a process with this id exists, a zombie included (PostgreSQL's own check counts zombies as alive too).</summary>
    private static bool IsAlive(int processId) => Directory.Exists($"/proc/{processId}");

    /// <summary>Whether a process with this id runs the postgres program (the name in /proc/PID/stat) and is not a zombie.</summary>
    private static bool IsPostgresProcess(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        // "PID (comm) STATE PPID ...": comm may itself hold spaces and parentheses.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= stat.Length)
        {
            return false;
        }
        var state = stat[close + 2];
        return stat[(open + 1)..close] == "postgres" && state is not ('Z' or 'X');
    }
}
