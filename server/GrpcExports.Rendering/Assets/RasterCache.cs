using System.Collections.Concurrent;
using GrpcExports.Rendering.Compositing;

namespace GrpcExports.Rendering.Assets;

/// <summary>
/// Prepared pictures of one export, by key: the first request prepares (on the thread pool, once, also when frames
/// are composed in parallel), later ones reuse it. A failure is kept too, so every frame reports the same error.
/// </summary>
public sealed class RasterCache<TKey> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<RasterImage>>> _entries = new();

    public int Count => _entries.Count;

    public Task<RasterImage> GetOrAddAsync(TKey key, Func<Task<RasterImage>> prepare) =>
        _entries.GetOrAdd(key, _ => new Lazy<Task<RasterImage>>(() => Task.Run(prepare))).Value;

    /// <summary>Blocks until the picture is ready (layer sources are synchronous); unwraps the first error.</summary>
    public RasterImage GetOrAdd(TKey key, Func<Task<RasterImage>> prepare) => GetOrAddAsync(key, prepare).GetAwaiter().GetResult();
}
