using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Gifs;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames;

/// <summary>
/// Gif items: every frame of the asset decoded once per export at the box's size on the output (scale and rotation
/// are the compositor's), cached by (content SHA-256, size, fit, crop); each output frame shows the gif frame due at
/// <c>gifStartFromInSeconds + item time x playbackRate</c>.
/// </summary>
public sealed class GifLayerSources(EditorTimeline timeline, IAssetResolver resolver, GifDecoder decoder) : ILayerSources
{
    private readonly ContentHashes _hashes = new();
    private readonly PreparedCache<PreparedGifKey, GifAnimation> _cache = new();

    public LayerSource? SourceFor(ItemLayer layer, Viewport viewport)
    {
        if (layer.Item is not GifItem gif)
        {
            return null;
        }
        if (DrawnSize.Of(layer.Geometry, viewport) is not { } size)
        {
            return new SolidColorSource(Color.Transparent);
        }
        var (width, height) = size;
        if (!timeline.Assets.TryGetValue(gif.AssetId, out var asset))
        {
            throw new AssetUnavailableException(gif.AssetId, $"used by gif item '{gif.Id}' is not in the document's assets");
        }
        var path = resolver.ResolveFile(asset);
        if (!File.Exists(path))
        {
            throw new AssetUnavailableException(asset.Id, $"file {path} does not exist");
        }
        var crop = PixelCrop.At(gif.Crop, layer.LocalTicks);
        var key = new PreparedGifKey(_hashes.Of(path), width, height, gif.KeepAspectRatio, crop);
        var animation = _cache.GetOrAdd(key, () => decoder.DecodeAsync(asset.Id, path, width, height, gif.KeepAspectRatio, crop));
        var seconds = gif.GifStartFromInSeconds + Math.Max(0, layer.LocalTicks) / timeline.TicksPerSecond * gif.PlaybackRate;
        return new RasterSource(animation.FrameAt(seconds, asset.Loops));
    }

    private readonly record struct PreparedGifKey(string Sha256, int Width, int Height, bool KeepAspectRatio, PixelCrop Crop);
}
