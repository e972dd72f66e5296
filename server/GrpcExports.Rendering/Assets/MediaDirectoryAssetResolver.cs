using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Assets;

/// <summary>
/// Resolves an asset to <c>root/remoteKey</c> (or <c>root/filename</c> when it has no <c>remoteKey</c>) through
/// <see cref="MediaDirectory"/>, which refuses keys that would leave the root: documents are user input.
/// </summary>
public sealed class MediaDirectoryAssetResolver(string root) : IAssetResolver
{
    private readonly MediaDirectory _directory = new(root);

    public string ResolveFile(TimelineAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var key = string.IsNullOrWhiteSpace(asset.RemoteKey) ? asset.Filename : asset.RemoteKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new AssetUnavailableException(asset.Id, "has neither a remoteKey nor a filename to find it by");
        }
        var file = _directory.Find(key);
        return file.Path ?? throw new AssetUnavailableException(asset.Id, file.RefusedBecause is { } reason
            ? $"key '{key}' points outside the media directory: it {reason}"
            : $"file '{key}' was not found in the media directory {_directory.Root}");
    }
}
