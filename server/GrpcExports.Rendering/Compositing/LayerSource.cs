using GrpcExports.Rendering.Assets;
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

/// <summary>A picture stretched over the box; with a <see cref="Crop"/>, only the part of it inside the crop (a video
/// frame decoded whole, whose keyframed crop is applied here instead of by restarting its decoder).</summary>
public sealed class RasterSource(RasterImage image, PixelCrop crop = default) : LayerSource
{
    public RasterImage Image { get; } = image;

    /// <summary>Pixels of <see cref="Image"/> left out at each edge; together they leave at least one pixel each way.</summary>
    public PixelCrop Crop { get; } = crop.Left + crop.Right < image.Width && crop.Top + crop.Bottom < image.Height
        ? crop
        : throw new ArgumentOutOfRangeException(nameof(crop), crop, $"The crop leaves nothing of a {image.Width}x{image.Height} picture.");
}
