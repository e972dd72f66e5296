using System.Collections.Concurrent;
using GrpcExports.Protocol.Wire;

namespace Benchmarks.LoadTest;

/// <summary>What the autosaving clients saw, collected from all of them at once: latencies of acknowledged syncs and failures by status and reason.</summary>
public sealed class SyncOutcomes
{
    public const string RateLimited = "ResourceExhausted PROJECT_SYNC_RATE_LIMITED";

    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentDictionary<string, int> _failures = new();

    /// <summary>Latencies of acknowledged syncs, in microseconds.</summary>
    public IReadOnlyCollection<double> Latencies => _latencies;

    /// <summary>Failed syncs by "status reason".</summary>
    public IReadOnlyDictionary<string, int> Failures => _failures;

    /// <summary>Failures other than the rate limit's: the load test aims at none.</summary>
    public int Errors => _failures.Where(f => f.Key != RateLimited).Sum(f => f.Value);

    public void Acknowledged(double microseconds) => _latencies.Add(microseconds);

    public void Failed(RpcException error) => _failures.AddOrUpdate($"{error.StatusCode} {error.Reason ?? "(no reason)"}", 1, (_, n) => n + 1);
}
