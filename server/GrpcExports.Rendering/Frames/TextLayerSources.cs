using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Text;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames;

/// <summary>
/// Text items: rasterised by ImageMagick once per item content and box size on the output (scale, rotation and
/// opacity are the compositor's), cached for the export.
/// </summary>
public sealed class TextLayerSources(TextRasterizer rasterizer) : ILayerSources
{
    private readonly RasterCache<TextKey> _cache = new();

    public LayerSource? SourceFor(ItemLayer layer, Viewport viewport)
    {
        if (layer.Item is not TextItem text)
        {
            return null;
        }
        if (DrawnSize.Of(layer.Geometry, viewport) is not { } size)
        {
            return new SolidColorSource(Color.Transparent);
        }
        var (width, height) = size;
        var key = new TextKey(text.Text, text.Color, text.Align, text.FontFamily, text.FontWeight, text.FontVariant,
            text.FontSize, text.LineHeight, text.LetterSpacing, text.Direction, text.StrokeWidth, text.StrokeColor,
            text.Background, width, height, viewport.Scale);
        return new RasterSource(_cache.GetOrAdd(key, () => rasterizer.RasterizeAsync(text, width, height, viewport.Scale)));
    }

    /// <summary>Everything that changes the rasterised pixels (not the item's id: equal texts share a picture).</summary>
    private sealed record TextKey(string Text, Color Color, string Align, string FontFamily, string FontWeight,
        string FontVariant, double FontSize, double LineHeight, double LetterSpacing, string Direction, double StrokeWidth,
        Color StrokeColor, TextBackground? Background, int Width, int Height, double Scale);
}
