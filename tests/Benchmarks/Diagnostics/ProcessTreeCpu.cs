using System.Runtime.InteropServices;

namespace Benchmarks.Diagnostics;

/// <summary>
/// CPU time (user + system) of this process plus every child process it has waited for (ffmpeg runs): getrusage
/// RUSAGE_SELF + RUSAGE_CHILDREN on Linux. Unlike wall time it hardly moves when other work shares the cores, so it
/// compares two ways of doing the same job on a loaded machine.
/// </summary>
public static class ProcessTreeCpu
{
    private const int Self = 0;
    private const int Children = -1;

    public static TimeSpan Now() => Of(Self) + Of(Children);

    private static TimeSpan Of(int who)
    {
        if (GetResourceUsage(who, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        return TimeSpan.FromMicroseconds(usage.UserSeconds * 1_000_000.0 + usage.UserMicros + usage.SystemSeconds * 1_000_000.0 + usage.SystemMicros);
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs this class does not read (144 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
    }
}
