using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Server.Assets.Storage;

namespace GrpcExports.Server.Assets.Resolving;

/// <summary>Builds the <see cref="DocumentAssetResolver"/> for one owner's document, reading its uploaded assets' rows once.</summary>
internal sealed class DocumentAssets(AssetStore store, AssetContentFiles files, MediaDirectory media)
{
    public async Task<DocumentAssetResolver> ResolverAsync(EditorTimeline timeline, string ownerId, CancellationToken cancellationToken)
    {
        var stored = await StoredAssetResolver.LoadAsync(store, files, ownerId, timeline.Assets.Values.Select(asset => asset.RemoteKey),
            cancellationToken).ConfigureAwait(false);
        return new DocumentAssetResolver(stored, media);
    }
}
