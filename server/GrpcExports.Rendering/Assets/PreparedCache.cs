using System.Collections.Concurrent;

namespace GrpcExports.Rendering.Assets;

/// <summary>
/// Things prepared for one export, by key: the first request prepares (on the thread pool, once, also when frames
/// are composed in parallel), later ones reuse it. A failure is kept too, so every frame reports the same error.
/// </summary>
public class PreparedCache<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _entries = new();

    public int Count => _entries.Count;

    public Task<TValue> GetOrAddAsync(TKey key, Func<Task<TValue>> prepare) =>
        _entries.GetOrAdd(key, _ => new Lazy<Task<TValue>>(() => Task.Run(prepare))).Value;

    /// <summary>Blocks until the value is ready (layer sources are synchronous); unwraps the first error.</summary>
    public TValue GetOrAdd(TKey key, Func<Task<TValue>> prepare) => GetOrAddAsync(key, prepare).GetAwaiter().GetResult();
}
