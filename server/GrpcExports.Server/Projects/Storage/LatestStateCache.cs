using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Projects.Storage;

/// <summary>
/// The latest editor state of recently written projects, already parsed, so that the next sync diffs against it
/// without reading the state back from the projection and parsing it again. An entry names the global position of
/// the event that set its state, and a sync uses it only when the locked projection row's state was set by that very
/// event. Positions are never reused (a rolled-back append leaves a gap), so an entry written by a transaction that
/// did not commit, or overtaken by another server instance, is simply not used: the cache can miss, never mislead.
/// Entries are used only under the project's row lock, which also keeps two requests from walking one tree at once.
/// </summary>
internal sealed class LatestStateCache(IOptions<ProjectOptions> options) : IDisposable
{
    private readonly long _sizeLimit = Math.Max(0, options.Value.StateCacheSize);
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Math.Max(0, options.Value.StateCacheSize) });

    /// <summary>The cached state of the project, whichever event set it; null when none is cached.</summary>
    public CachedState? Find(Guid projectId) => _entries.TryGetValue(projectId, out CachedState? state) ? state : null;

    /// <summary>Remembers the state the event at <paramref name="eventPosition"/> set (its transaction may still roll back).</summary>
    public void Remember(Guid projectId, long eventPosition, string json, JsonNode? document, long compactSize)
    {
        if (json.Length > _sizeLimit)
        {
            _entries.Remove(projectId);
            return;
        }
        _entries.Set(projectId, new CachedState(eventPosition, json, document, compactSize),
            new MemoryCacheEntryOptions { Size = json.Length, SlidingExpiration = IdleLifetime });
    }

    public void Dispose() => _entries.Dispose();

    /// <summary>A project nobody has written for this long gives its memory back even while the cache has room.</summary>
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(10);
}

/// <summary>A project's state as the event at <paramref name="EventPosition"/> set it: its text, its tree and its compact size.</summary>
internal sealed record CachedState(long EventPosition, string Json, JsonNode? Document, long CompactSize);
