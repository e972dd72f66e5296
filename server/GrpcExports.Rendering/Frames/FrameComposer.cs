using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Frames.Backgrounds;
using GrpcExports.Rendering.Frames.Effects;
using GrpcExports.Rendering.Frames.Filters;
using GrpcExports.Rendering.Frames.Transitions;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames;

/// <summary>
/// Turns a frame's <see cref="FramePlan"/> into the compositor's <see cref="DrawCommand"/>s: the background, then each
/// layer from the bottom up with its geometry mapped through the <see cref="Viewport"/>, transitions as mixes, effects
/// and filters as operations on what is below them. What it cannot draw yet is left out and named in
/// <see cref="ComposedFrame.Skipped"/>.
/// </summary>
public sealed class FrameComposer(Viewport viewport, IReadOnlyList<ILayerSources> sources)
{
    /// <summary>The blur radius of a blurred background per level (0..4) plus one, as a share of the output's shorter side.</summary>
    public const double BackdropRadiusPerLevel = 0.015;

    private readonly Dictionary<(string Css, int Width, int Height), RasterImage> _gradients = [];

    public FrameComposer(Viewport viewport, params ILayerSources[] sources)
        : this(viewport, (IReadOnlyList<ILayerSources>)sources)
    {
    }

    public Viewport Viewport { get; } = viewport;

    public ComposedFrame Compose(FramePlan plan, EditorTimeline timeline)
    {
        var commands = new List<DrawCommand>(plan.Layers.Count + 2);
        var skipped = new List<string>(plan.LeftOut);
        AddBackground(plan.Background, timeline, commands, skipped);
        foreach (var layer in plan.Layers)
        {
            switch (layer)
            {
                case ItemLayer item when Draw(item) is { } draw:
                    commands.Add(new LayerCommand(draw));
                    break;
                case ItemLayer item:
                    skipped.Add(item.Item.Id);
                    break;
                case TransitionLayer transition:
                    AddTransition(transition, timeline, commands, skipped);
                    break;
                case EffectLayer effect when DarkeningEffects.VeilOpacity(effect.Item, effect.LocalTicks) is { } opacity:
                    commands.Add(new LayerCommand(new LayerDraw(new SolidColorSource(Color.Black), CompositionBox(timeline), opacity)));
                    break;
                case EffectLayer effect when BlurEffects.Radius(effect.Item, effect.LocalTicks, CompositionShorterSide(timeline)) is { } radius:
                    if (radius > 0)
                    {
                        commands.Add(new BlurCommand(radius, CompositionRegion(timeline)));
                    }
                    break;
                case EffectLayer effect:
                    skipped.Add(effect.Item.Id);
                    break;
                case FilterLayer filter when ColorFilters.For(filter.Item) is { } matrix:
                    if (!matrix.IsIdentity)
                    {
                        commands.Add(new ColorTransformCommand(matrix, CompositionRegion(timeline)));
                    }
                    break;
                case FilterLayer filter:
                    skipped.Add(filter.Item.Id);
                    break;
            }
        }
        if (plan.Background is BlurBackground blurred)
        {
            var radius = (int)Math.Round((blurred.Level + 1) * BackdropRadiusPerLevel * Math.Min(Viewport.OutputWidth, Viewport.OutputHeight));
            // Whole pixels only: the anti-aliased edge of the content would darken the copy's border.
            var area = CompositionArea(timeline);
            var content = PixelRegion.Inside(area.Left, area.Top, area.Width, area.Height, Viewport.OutputWidth, Viewport.OutputHeight);
            commands.Add(new BlurredBackdropCommand(radius, content, Viewport.LetterboxColor));
        }
        return new ComposedFrame(commands, skipped);
    }

    private void AddTransition(TransitionLayer transition, EditorTimeline timeline, List<DrawCommand> commands, List<string> skipped)
    {
        var outgoing = Draw(transition.Outgoing);
        var incoming = Draw(transition.Incoming);
        if (outgoing is null)
        {
            skipped.Add(transition.Outgoing.Item.Id);
        }
        if (incoming is null)
        {
            skipped.Add(transition.Incoming.Item.Id);
        }
        if (!TransitionDrawing.Draws(transition.Transition.Type))
        {
            // A type this renderer does not know: a cut at the transition's midpoint.
            skipped.Add(transition.Transition.Id);
            if ((transition.LinearProgress < 0.5 ? outgoing : incoming) is { } shown)
            {
                commands.Add(new LayerCommand(shown));
            }
            return;
        }
        commands.AddRange(TransitionDrawing.Commands(transition, outgoing, incoming, CompositionArea(timeline)));
    }

    /// <summary>The composition's rectangle on the output frame.</summary>
    private CompositionArea CompositionArea(EditorTimeline timeline)
    {
        var (left, top) = Viewport.Map(0, 0);
        return new CompositionArea(left, top, Viewport.CompositionWidthOnOutput(timeline), Viewport.CompositionHeightOnOutput(timeline));
    }

    private LayerPlacement CompositionBox(EditorTimeline timeline)
    {
        var area = CompositionArea(timeline);
        return LayerPlacement.Box(area.Left, area.Top, area.Width, area.Height);
    }

    private PixelRegion CompositionRegion(EditorTimeline timeline)
    {
        var area = CompositionArea(timeline);
        return PixelRegion.Covering(area.Left, area.Top, area.Width, area.Height, Viewport.OutputWidth, Viewport.OutputHeight);
    }

    private double CompositionShorterSide(EditorTimeline timeline) =>
        Math.Min(Viewport.CompositionWidthOnOutput(timeline), Viewport.CompositionHeightOnOutput(timeline));

    /// <summary>
    /// Fills the frame (the letterbox colour where there are bars) and draws the background over the composition's
    /// rectangle: a colour, a gradient, or an image; a blurred background is transparent here and put behind the
    /// finished content by a <see cref="BlurredBackdropCommand"/> at the end.
    /// </summary>
    private void AddBackground(GlobalBackground background, EditorTimeline timeline, List<DrawCommand> commands, List<string> skipped)
    {
        var letterboxed = Viewport.OffsetX > 0.001 || Viewport.OffsetY > 0.001;
        LayerDraw? fill = background switch
        {
            ColorBackground { Gradient: { } css } colored when LinearGradient.TryParse(css) is { } gradient =>
                new LayerDraw(new RasterSource(GradientPicture(css, gradient, timeline)), CompositionBox(timeline)),
            ColorBackground colored => new LayerDraw(new SolidColorSource(colored.Color), CompositionBox(timeline)),
            ImageBackground image when BackgroundImageLayer.For(image, timeline) is { } layer && Draw(layer) is { } draw => draw,
            _ => null,
        };
        if (background is ColorBackground { Gradient: { } unread } && LinearGradient.TryParse(unread) is null)
        {
            skipped.Add("globalBackground.gradient");
        }
        if (background is ImageBackground && fill is null)
        {
            skipped.Add("globalBackground");
        }
        if (!letterboxed && fill?.Source is SolidColorSource solid)
        {
            commands.Add(new FillCommand(solid.Color));
            return;
        }
        commands.Add(new FillCommand(letterboxed && background is not BlurBackground ? Viewport.LetterboxColor : Color.Transparent));
        if (fill is not null)
        {
            commands.Add(new LayerCommand(fill));
        }
    }

    private RasterImage GradientPicture(string css, LinearGradient gradient, EditorTimeline timeline)
    {
        var area = CompositionArea(timeline);
        var key = (css, Math.Max(1, (int)Math.Round(area.Width)), Math.Max(1, (int)Math.Round(area.Height)));
        if (!_gradients.TryGetValue(key, out var picture))
        {
            _gradients[key] = picture = gradient.Render(key.Item2, key.Item3);
        }
        return picture;
    }

    private LayerDraw? Draw(ItemLayer layer)
    {
        LayerSource? source = null;
        foreach (var provider in sources)
        {
            source = provider.SourceFor(layer, Viewport);
            if (source is not null)
            {
                break;
            }
        }
        var outline = layer.Item is SolidItem solid ? SolidOutlines.For(solid.Shape) : null;
        return source is null ? null : new LayerDraw(source, Place(layer), layer.Geometry.Opacity, outline);
    }

    private LayerPlacement Place(ItemLayer layer)
    {
        var g = layer.Geometry;
        var (centerX, centerY) = Viewport.Map(g.CenterX, g.CenterY);
        var scaleX = Math.Abs(g.ScaleX) * Viewport.Scale;
        var scaleY = Math.Abs(g.ScaleY) * Viewport.Scale;
        var width = g.Width * scaleX;
        var height = g.Height * scaleY;
        // As CSS does: a radius larger than half a side shrinks to fit the unscaled box, then scales with the
        // element's transform. A circle is the box's inscribed ellipse.
        var radius = Math.Min(g.BorderRadius, Math.Min(g.Width, g.Height) / 2);
        var (radiusX, radiusY) = layer.Item is SolidItem { Shape: SolidShape.Circle }
            ? (width / 2, height / 2)
            : (radius * scaleX, radius * scaleY);
        return new LayerPlacement(centerX, centerY, width, height, g.Rotation, radiusX, radiusY, g.ScaleX < 0, g.ScaleY < 0);
    }
}

/// <summary>A frame's draw commands, and the ids of what was left out (items, transitions, "globalBackground").</summary>
public sealed record ComposedFrame(IReadOnlyList<DrawCommand> Commands, IReadOnlyList<string> Skipped);
