using System.Diagnostics;

namespace Benchmarks.Rpc;

/// <summary>
/// What the process (both hosts; only the one under load is busy) spends per call answered over one h2load run:
/// CPU time and bytes allocated. Unlike req/s these do not flatten when h2load, sharing the machine, is the
/// bottleneck, and they hardly move with noise, so they show the layer's own cost most directly.
/// </summary>
public sealed class ServerCost
{
    private readonly CallCounter _calls;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _allocatedAtStart;
    private readonly long _callsAtStart;

    private ServerCost(CallCounter calls)
    {
        _calls = calls;
        _callsAtStart = calls.Count;
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        _cpuAtStart = CurrentCpu();
    }

    public static ServerCost Start(BenchmarkHost host) => new(host.Calls);

    /// <summary>CPU and allocation per call answered since <see cref="Start"/> (zeros when none was).</summary>
    public (double CpuMicros, double AllocatedBytes) PerCall()
    {
        var cpu = CurrentCpu() - _cpuAtStart;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart;
        var calls = _calls.Count - _callsAtStart;
        return calls == 0 ? (0, 0) : (cpu.TotalMicroseconds / calls, (double)allocated / calls);
    }

    private static TimeSpan CurrentCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
