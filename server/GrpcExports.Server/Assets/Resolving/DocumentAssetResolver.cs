using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Server.Assets.Resolving;

/// <summary>
/// The resolver exports render with: each asset entry goes to the owner's uploaded asset or to a file under the media
/// directory, as its <see cref="AssetReference"/> says. Neither ever yields a path outside its own directory.
/// </summary>
internal sealed class DocumentAssetResolver(StoredAssetResolver stored, MediaDirectory media) : IAssetResolver
{
    public string ResolveFile(TimelineAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var reference = AssetReference.Of(asset.RemoteKey, asset.Filename);
        if (reference.AssetId is not null)
        {
            return stored.ResolveFile(asset);
        }
        if (reference.MediaPath is not { } relativePath)
        {
            throw new AssetUnavailableException(asset.Id, "has neither a remoteKey nor a filename to find it by");
        }
        var file = media.Find(relativePath);
        return file.Path ?? throw new AssetUnavailableException(asset.Id, file.RefusedBecause is { } reason
            ? $"media path '{relativePath}' points outside the media directory: it {reason}"
            : $"media path '{relativePath}' is not a file in the media directory");
    }
}
