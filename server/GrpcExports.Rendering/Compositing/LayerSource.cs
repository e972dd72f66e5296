using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// What fills a layer's box. The compositor knows two kinds: a constant colour (solid items, colour backgrounds) and a
/// <see cref="RasterImage"/> stretched over the box with bilinear sampling (images, text, video frames). Every drawable
/// item becomes one of these; its shape (rounded box) and placement come from the <see cref="LayerDraw"/>.
/// </summary>
public abstract class LayerSource
{
    private protected LayerSource()
    {
    }
}

public sealed class SolidColorSource(Color color) : LayerSource
{
    public Color Color { get; } = color;

    internal uint Premultiplied { get; } = PixelMath.Premultiply(color);
}

public sealed class RasterSource(RasterImage image) : LayerSource
{
    public RasterImage Image { get; } = image;
}
