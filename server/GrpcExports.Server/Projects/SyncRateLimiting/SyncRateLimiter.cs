using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Projects.SyncRateLimiting;

/// <summary>
/// SyncProject's per-project token buckets, in this server instance's memory (instances sharing a database each
/// allow the configured rate). Memory stays bounded: a bucket that has refilled completely is the same as no
/// bucket, so such buckets are dropped, at most once per refill period, by the call that notices the period passed.
/// </summary>
internal sealed class SyncRateLimiter
{
    private readonly ConcurrentDictionary<Guid, TokenBucket> _buckets = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan _sweepEvery;
    private long _sweptAt;

    public SyncRateLimiter(IOptions<SyncRateOptions> options, TimeProvider clock)
    {
        Options = options.Value;
        _clock = clock;
        _sweepEvery = TimeSpan.FromSeconds(Math.Max(1, Options.Burst / Options.RatePerSecond));
        _sweptAt = clock.GetTimestamp();
    }

    public SyncRateOptions Options { get; }

    /// <summary>The number of projects with a bucket right now.</summary>
    public int TrackedProjects => _buckets.Count;

    /// <summary>Takes a token from the project's bucket, or throws RESOURCE_EXHAUSTED PROJECT_SYNC_RATE_LIMITED with RetryInfo.</summary>
    public void Acquire(Guid projectId)
    {
        if (!TryAcquire(projectId, out var wait))
        {
            throw SyncRateLimitedError.Create(projectId, Options, wait);
        }
    }

    /// <summary>Takes a token; when the bucket is empty, returns false and the time until a token is available.</summary>
    public bool TryAcquire(Guid projectId, out TimeSpan wait)
    {
        var now = _clock.GetTimestamp();
        SweepIfDue(now);
        while (true)
        {
            var bucket = _buckets.GetOrAdd(projectId, static (_, state) => new TokenBucket(state.Burst, state.RatePerSecond, state.Now),
                (Options.Burst, Options.RatePerSecond, Now: now));
            lock (bucket)
            {
                if (!bucket.Retired)
                {
                    return bucket.TryTake(now, _clock, out wait);
                }
            }
        }
    }

    private void SweepIfDue(long now)
    {
        var sweptAt = Interlocked.Read(ref _sweptAt);
        if (_clock.GetElapsedTime(sweptAt, now) < _sweepEvery || Interlocked.CompareExchange(ref _sweptAt, now, sweptAt) != sweptAt)
        {
            return;
        }
        foreach (var entry in _buckets)
        {
            lock (entry.Value)
            {
                if (entry.Value.IsFull(now, _clock))
                {
                    entry.Value.Retired = true;
                    _buckets.TryRemove(entry);
                }
            }
        }
    }
}
