using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames.Backgrounds;

/// <summary>
/// An image <c>globalBackground</c> as an image layer over the whole composition, cropped (centred) to the
/// composition's aspect ratio so that it covers it without distortion, as CSS <c>background-size: cover</c> does. The
/// layer sources draw it like any image item. Only an uploaded asset (<c>imageAssetId</c>) can be drawn; a bare
/// <c>imageUrl</c> (the editor's presets) is not fetched.
/// </summary>
internal static class BackgroundImageLayer
{
    public const string Id = "globalBackground";

    public static ItemLayer? For(ImageBackground background, EditorTimeline timeline)
    {
        if (background.ImageAssetId is not { } assetId || !timeline.Assets.TryGetValue(assetId, out var asset))
        {
            return null;
        }
        var (width, height) = (timeline.CompositionWidth, timeline.CompositionHeight);
        var geometry = new ItemGeometry(Constant(0), Constant(0), Constant(width), Constant(height), Constant(1), Constant(1),
            Constant(1), Constant(0), Constant(0));
        var image = new ImageItem
        {
            Id = Id, Type = "image", StartTicks = 0, DurationTicks = Math.Max(1, timeline.DurationTicks),
            Geometry = geometry, AssetId = assetId, Crop = CoverCrop(asset, width, height),
        };
        return new ItemLayer(image, Id, LayerGeometry.At(geometry, 0), 0);

        static AnimatedNumber Constant(double value) => AnimatedNumber.Constant(value);
    }

    /// <summary>The centred crop, in source pixels, that gives the source the box's aspect ratio (none when the asset's
    /// size is not recorded).</summary>
    private static ItemCrop CoverCrop(TimelineAsset asset, int width, int height)
    {
        if (asset is not { Width: > 0 and var sourceWidth, Height: > 0 and var sourceHeight })
        {
            return ItemCrop.None;
        }
        var scale = Math.Max(width / sourceWidth, height / sourceHeight);
        var excessX = Math.Floor((sourceWidth - width / scale) / 2);
        var excessY = Math.Floor((sourceHeight - height / scale) / 2);
        return new ItemCrop(AnimatedNumber.Constant(excessX), AnimatedNumber.Constant(excessY),
            AnimatedNumber.Constant(excessX), AnimatedNumber.Constant(excessY));
    }
}
