using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Evaluation;

namespace GrpcExports.Rendering.Frames;

/// <summary>
/// Supplies what fills a visual item's box on a frame. Each kind of media is one implementation: solid colours now;
/// prepared stills and rasterised text (ImageMagick, cached by content and size) and video frames (one ffmpeg decoder
/// per item, read in step with the frames) slot in beside it. <see cref="FrameComposer"/> asks them in order.
/// </summary>
public interface ILayerSources
{
    /// <summary>The source for <paramref name="layer"/> at its <see cref="ItemLayer.LocalTicks"/>, or null when this
    /// provider does not draw that kind of item.</summary>
    LayerSource? SourceFor(ItemLayer layer, Viewport viewport);
}

/// <summary>Solid items: a constant colour (the shape comes from the placement and <see cref="SolidOutlines"/>).</summary>
public sealed class SolidLayerSources : ILayerSources
{
    public LayerSource? SourceFor(ItemLayer layer, Viewport viewport) =>
        layer.Item is Timeline.SolidItem solid ? new SolidColorSource(solid.Color) : null;
}
