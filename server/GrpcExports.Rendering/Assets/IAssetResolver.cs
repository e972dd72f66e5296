using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Assets;

/// <summary>
/// Finds the local file behind a document's asset entry. The export service resolves asset ids to downloaded or stored
/// files; <see cref="MediaDirectoryAssetResolver"/> maps them inside one configured directory.
/// </summary>
public interface IAssetResolver
{
    /// <summary>The absolute path of an existing file holding <paramref name="asset"/>'s media, or
    /// <see cref="AssetUnavailableException"/>.</summary>
    string ResolveFile(TimelineAsset asset);
}

/// <summary>An asset cannot be found, read or decoded; the message names the asset.</summary>
public sealed class AssetUnavailableException(string assetId, string reason, Exception? inner = null)
    : InvalidOperationException($"Asset '{assetId}' {reason}", inner)
{
    public string AssetId { get; } = assetId;
}
