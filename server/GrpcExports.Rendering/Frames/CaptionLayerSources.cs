using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Captions;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Text;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames;

/// <summary>
/// Captions items: the caption asset's words measured once per item and box width (one ImageMagick run) and paged
/// (<see cref="CaptionPager"/>); each word rasterised once per colour by the <see cref="TextRasterizer"/> that draws
/// text items; each frame composes the current page's words, posed by the caption animations, into a picture of the
/// item's box, which is then placed like any other layer (so the item's scale, rotation, opacity and clip animations
/// apply to the page as a whole).
/// </summary>
public sealed class CaptionLayerSources(EditorTimeline timeline, TextRasterizer rasterizer) : ILayerSources
{
    private readonly PreparedCache<PlanKey, CaptionPlan> _plans = new();
    private readonly RasterCache<WordKey> _words = new();
    private readonly Compositor _pageCompositor = new(maxDegreeOfParallelism: 1);

    public LayerSource? SourceFor(ItemLayer layer, Viewport viewport)
    {
        if (layer.Item is not CaptionsItem captions)
        {
            return null;
        }
        if (DrawnSize.Of(layer.Geometry, viewport) is not { } size)
        {
            return new SolidColorSource(Color.Transparent);
        }
        if (!timeline.Assets.TryGetValue(captions.AssetId, out var asset))
        {
            throw new AssetUnavailableException(captions.AssetId, $"used by captions item '{captions.Id}' is not in the document's assets");
        }
        var (width, height) = size;
        var scale = viewport.Scale;
        var plan = _plans.GetOrAdd(new PlanKey(captions.Id, width, scale), () => PlanAsync(captions, asset, width, scale));
        var timeMs = layer.LocalTicks * 1000 / timeline.TicksPerSecond - captions.ContentStartOffsetMs;
        if (plan.Pages.FirstOrDefault(page => page.StartMs <= timeMs && timeMs < page.EndMs) is not { } shown)
        {
            return new SolidColorSource(Color.Transparent);
        }
        var scene = new CaptionScene(shown, timeMs, captions.Style.FontSize * scale, captions.Style.Color,
            asset.WordTiming ? captions.HighlightColor : null);
        CaptionAnimationTiming.Apply(scene, captions.CaptionAnimations, timeline.TicksPerSecond);
        return new RasterSource(Draw(captions, scene, plan.Metrics, width, height, scale));
    }

    private RasterImage Draw(CaptionsItem captions, CaptionScene scene, CaptionMetrics metrics, int width, int height, double scale)
    {
        var commands = new List<DrawCommand>(scene.Poses.Length);
        var strokePixels = (int)Math.Ceiling(captions.Style.StrokeWidth * scale);
        for (var i = 0; i < scene.Poses.Length; i++)
        {
            var pose = scene.Poses[i];
            if (pose.Opacity <= 0 || pose.Scale <= 0)
            {
                continue;
            }
            var placed = scene.Page.Words[i];
            // The word's picture starts where its advance does; it is a little wider and taller for strokes and
            // overhanging glyphs.
            var rasterWidth = (int)Math.Ceiling(placed.Width) + strokePixels + 2;
            var rasterHeight = (int)Math.Ceiling(metrics.GlyphHeight) + strokePixels;
            var style = captions.Style with { Text = placed.Word.Text, Color = pose.Color, Align = "left" };
            var raster = _words.GetOrAdd(new WordKey(style, rasterWidth, rasterHeight, scale),
                () => rasterizer.RasterizeAsync(style, rasterWidth, rasterHeight, scale));
            var placement = new LayerPlacement(placed.Left + rasterWidth / 2.0 + pose.OffsetX, placed.Top + rasterHeight / 2.0 + pose.OffsetY,
                rasterWidth * pose.Scale, rasterHeight * pose.Scale, pose.Rotation);
            commands.Add(new LayerCommand(new LayerDraw(new RasterSource(raster), placement, Math.Min(1, pose.Opacity))));
        }
        var page = new FrameBuffer(width, height);
        page.Clear(Color.Transparent);
        _pageCompositor.Render(page, commands);
        PageEffects.Apply(scene, page);
        var image = new RasterImage(width, height);
        page.Pixels.CopyTo(image.Pixels);
        return image;
    }

    private async Task<CaptionPlan> PlanAsync(CaptionsItem captions, TimelineAsset asset, int width, double scale)
    {
        var words = CaptionWord.Of(asset);
        const string Pair = "xx";
        const string SpacedPair = "x x";
        var texts = words.Select(word => word.Text).Distinct(StringComparer.Ordinal).Append(Pair).Append(SpacedPair).ToList();
        var (widths, glyphHeight) = await rasterizer.MeasureAsync(captions.Style, texts, scale);
        var byText = texts.Select((text, i) => (text, width: (double)widths[i])).ToDictionary(p => p.text, p => p.width, StringComparer.Ordinal);
        var metrics = new CaptionMetrics(byText, byText[SpacedPair] - byText[Pair],
            captions.Style.FontSize * captions.Style.LineHeight * scale, glyphHeight);
        var pager = new CaptionPager(metrics, width, captions.MaxLines, captions.PageDurationInMilliseconds, captions.Style.Align,
            captions.Style.Direction == "rtl");
        return new CaptionPlan(metrics, pager.Paginate(words));
    }

    private sealed record CaptionPlan(CaptionMetrics Metrics, IReadOnlyList<CaptionPage> Pages);

    private readonly record struct PlanKey(string ItemId, int Width, double Scale);

    private sealed record WordKey(TextItem Style, int Width, int Height, double Scale);
}
