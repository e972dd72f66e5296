using Benchmarks.Charts;
using Benchmarks.Reporting;

namespace Benchmarks.Store;

/// <summary>The store command's chart: sync latency percentiles of both designs and of SyncProject, against the aim.</summary>
public static class StoreChart
{
    /// <summary>DESIGN.md's aim for autosave: p99 at most 15 ms at 50 syncs a second.</summary>
    private const double AimMilliseconds = 15;

    public static BarChart SyncLatencies(IReadOnlyList<double> atStore, IReadOnlyList<double> naive, IReadOnlyList<double> overGrpc,
        int stateBytes, StoreOptions options)
    {
        BarGroup Group(double p) => new($"p{p:0}", [.. new[] { atStore, naive, overGrpc }.Select(latencies => Percentile.Of(latencies, p) / 1_000)]);
        return new BarChart(
            $"Sync latency, {stateBytes / 1000} KB editor state at {options.SyncsPerSecond}/s, {options.Syncs} syncs",
            "milliseconds",
            ["event store (at the store)", "naive full state", "SyncProject over gRPC"],
            [Group(50), Group(90), Group(99)],
            AimMilliseconds, $"aim: p99 <= {AimMilliseconds:0} ms");
    }
}
