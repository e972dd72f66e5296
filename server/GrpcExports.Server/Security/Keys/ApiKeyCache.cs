using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Security.Keys;

/// <summary>
/// Keys found by their secret's hash in the last <see cref="SecurityOptions.KeyCacheLifetime"/>, so that a burst of calls
/// with one key costs one database read instead of one each. Only usable keys are kept: an unknown, revoked or expired
/// key is looked up every time. Revoking through this server forgets the key at once; a revocation written by another
/// instance (or the <c>keys</c> command) is seen here once the entry is older than the lifetime.
/// </summary>
internal sealed class ApiKeyCache(IOptions<SecurityOptions> options, TimeProvider clock)
{
    /// <summary>Entries past this count make the next insertion drop the stale ones, or all of them when none is stale.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private TimeSpan Lifetime => options.Value.KeyCacheLifetime;

    public ApiKeyRow? Find(byte[] secretHash)
    {
        if (!_entries.TryGetValue(Convert.ToHexString(secretHash), out var entry))
        {
            return null;
        }
        return clock.GetUtcNow() - entry.CachedAt < Lifetime ? entry.Key : null;
    }

    public void Remember(byte[] secretHash, ApiKeyRow key)
    {
        if (Lifetime <= TimeSpan.Zero)
        {
            return;
        }
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            DropStale(now);
        }
        _entries[Convert.ToHexString(secretHash)] = new Entry(key, now);
    }

    /// <summary>Keeps the cached row's last-used time current, so the next use within the resolution writes nothing.</summary>
    public void RecordedUse(Guid apiKeyId, DateTimeOffset usedAt)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Key.ApiKeyId == apiKeyId)
            {
                _entries.TryUpdate(hash, entry with { Key = entry.Key with { LastUsedAt = usedAt } }, entry);
            }
        }
    }

    public void Forget(Guid apiKeyId)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Key.ApiKeyId == apiKeyId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }

    private void DropStale(DateTimeOffset now)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (now - entry.CachedAt >= Lifetime)
            {
                _entries.TryRemove(hash, out _);
            }
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(ApiKeyRow Key, DateTimeOffset CachedAt);
}
