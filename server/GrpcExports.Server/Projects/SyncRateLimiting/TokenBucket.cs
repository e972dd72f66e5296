namespace GrpcExports.Server.Projects.SyncRateLimiting;

/// <summary>
/// One project's bucket: it holds up to a burst of tokens and refills continuously at a rate; a sync takes one.
/// Not thread-safe on its own: <see cref="SyncRateLimiter"/> locks it.
/// </summary>
internal sealed class TokenBucket(int burst, double ratePerSecond, long timestamp)
{
    private double _tokens = burst;
    private long _refilledAt = timestamp;

    /// <summary>Set once the limiter has dropped this bucket; a caller holding it must look the project up again.</summary>
    public bool Retired { get; set; }

    /// <summary>Takes a token at <paramref name="now"/>; when there is none, returns false and how long until there is one.</summary>
    public bool TryTake(long now, TimeProvider clock, out TimeSpan wait)
    {
        Refill(now, clock);
        if (_tokens >= 1)
        {
            _tokens -= 1;
            wait = TimeSpan.Zero;
            return true;
        }
        wait = TimeSpan.FromSeconds((1 - _tokens) / ratePerSecond);
        return false;
    }

    /// <summary>Whether the bucket has refilled completely by <paramref name="now"/>, so a new one would behave the same.</summary>
    public bool IsFull(long now, TimeProvider clock)
    {
        Refill(now, clock);
        return _tokens >= burst;
    }

    private void Refill(long now, TimeProvider clock)
    {
        if (now <= _refilledAt)
        {
            return;
        }
        _tokens = Math.Min(burst, _tokens + clock.GetElapsedTime(_refilledAt, now).TotalSeconds * ratePerSecond);
        _refilledAt = now;
    }
}
