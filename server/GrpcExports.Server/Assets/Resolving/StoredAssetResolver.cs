using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Server.Assets.Storage;

namespace GrpcExports.Server.Assets.Resolving;

/// <summary>
/// Resolves a document's assets to uploaded content: <c>remoteKey</c> is the id of one of the owner's assets, and its
/// file is the content file named by the asset's SHA-256 inside the asset directory. The rows are read once, up front
/// (<see cref="LoadAsync"/>), because resolving happens while frames are composed.
/// </summary>
internal sealed class StoredAssetResolver : IAssetResolver
{
    private readonly AssetContentFiles _files;
    private readonly IReadOnlyDictionary<Guid, AssetRow> _assets;

    private StoredAssetResolver(AssetContentFiles files, IReadOnlyDictionary<Guid, AssetRow> assets)
    {
        _files = files;
        _assets = assets;
    }

    /// <summary>A resolver for the owner's assets named by <paramref name="remoteKeys"/> (keys that are not asset ids are skipped).</summary>
    public static async Task<StoredAssetResolver> LoadAsync(AssetStore store, AssetContentFiles files, string ownerId,
        IEnumerable<string?> remoteKeys, CancellationToken cancellationToken)
    {
        var ids = remoteKeys.Select(key => Guid.TryParseExact(key, "D", out var id) ? id : (Guid?)null).OfType<Guid>().ToHashSet();
        var rows = ids.Count == 0 ? [] : await store.GetManyAsync(ids, ownerId, cancellationToken).ConfigureAwait(false);
        return new StoredAssetResolver(files, rows.ToDictionary(row => row.AssetId));
    }

    public string ResolveFile(TimelineAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (!Guid.TryParseExact(asset.RemoteKey, "D", out var assetId))
        {
            throw new AssetUnavailableException(asset.Id, $"has no uploaded asset id in its remoteKey ('{asset.RemoteKey}')");
        }
        if (!_assets.TryGetValue(assetId, out var row))
        {
            throw new AssetUnavailableException(asset.Id, $"names asset {assetId}, which is not an uploaded asset of this user");
        }
        var path = Path.GetFullPath(_files.PathOf(row.Sha256));
        // The SHA-256 is 64 hex digits (a table constraint), so the path cannot leave the directory; checked all the same.
        if (!path.StartsWith(_files.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new AssetUnavailableException(asset.Id, "resolves outside the asset directory");
        }
        return File.Exists(path) ? path : throw new AssetUnavailableException(asset.Id, $"has lost its content file (asset {assetId})");
    }
}
