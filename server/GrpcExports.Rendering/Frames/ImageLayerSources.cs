using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames;

/// <summary>
/// Image items: the asset resolved to a file, decoded by ImageMagick at the box's size on the output (the item's
/// scale and rotation are left to the compositor, so a keyframed zoom does not prepare a picture per frame), cached by
/// (content SHA-256, size, fit, crop) for the export.
/// </summary>
public sealed class ImageLayerSources(EditorTimeline timeline, IAssetResolver resolver, ImagePreparer preparer) : ILayerSources
{
    private readonly ContentHashes _hashes = new();
    private readonly RasterCache<PreparedImageKey> _cache = new();

    public LayerSource? SourceFor(ItemLayer layer, Viewport viewport)
    {
        if (layer.Item is not ImageItem image)
        {
            return null;
        }
        if (DrawnSize.Of(layer.Geometry, viewport) is not { } size)
        {
            return new SolidColorSource(Color.Transparent);
        }
        var (width, height) = size;
        if (!timeline.Assets.TryGetValue(image.AssetId, out var asset))
        {
            throw new AssetUnavailableException(image.AssetId, $"used by image item '{image.Id}' is not in the document's assets");
        }
        var path = resolver.ResolveFile(asset);
        if (!File.Exists(path))
        {
            throw new AssetUnavailableException(asset.Id, $"file {path} does not exist");
        }
        var crop = PixelCrop.At(image.Crop, layer.LocalTicks);
        var key = new PreparedImageKey(_hashes.Of(path), width, height, image.KeepAspectRatio, crop);
        var vectorSize = IsVector(asset, path) && asset is { Width: > 0, Height: > 0 }
            ? (asset.Width.Value, asset.Height.Value)
            : ((double, double)?)null;
        return new RasterSource(_cache.GetOrAdd(key,
            () => preparer.PrepareAsync(asset.Id, path, width, height, image.KeepAspectRatio, crop, vectorSize)));
    }

    private static bool IsVector(TimelineAsset asset, string path) =>
        asset.MimeType.StartsWith("image/svg", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".svgz", StringComparison.OrdinalIgnoreCase);

    private readonly record struct PreparedImageKey(string Sha256, int Width, int Height, bool KeepAspectRatio, PixelCrop Crop);
}
