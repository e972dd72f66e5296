using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Assets;

/// <summary>
/// Resolves an asset to <c>root/remoteKey</c> (or <c>root/filename</c> when it has no <c>remoteKey</c>). A key that
/// would leave the root (<c>../</c>, an absolute path) is refused: documents are user input.
/// </summary>
public sealed class MediaDirectoryAssetResolver : IAssetResolver
{
    private readonly string _root;

    public MediaDirectoryAssetResolver(string root)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public string ResolveFile(TimelineAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var key = string.IsNullOrWhiteSpace(asset.RemoteKey) ? asset.Filename : asset.RemoteKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new AssetUnavailableException(asset.Id, "has neither a remoteKey nor a filename to find it by");
        }
        var path = Path.GetFullPath(key, _root);
        if (Path.IsPathRooted(key) || !path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new AssetUnavailableException(asset.Id, $"key '{key}' points outside the media directory");
        }
        return File.Exists(path)
            ? path
            : throw new AssetUnavailableException(asset.Id, $"file '{key}' was not found in the media directory {_root}");
    }
}
