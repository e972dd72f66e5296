using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Frames.Effects;
using GrpcExports.Rendering.Frames.Transitions;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames;

/// <summary>
/// Turns a frame's <see cref="FramePlan"/> into the compositor's <see cref="DrawCommand"/>s: the background, then each
/// layer from the bottom up with its geometry mapped through the <see cref="Viewport"/>, and transitions as mixes.
/// What it cannot draw yet is left out and named in <see cref="ComposedFrame.Skipped"/>.
/// </summary>
public sealed class FrameComposer(Viewport viewport, IReadOnlyList<ILayerSources> sources)
{
    public FrameComposer(Viewport viewport, params ILayerSources[] sources)
        : this(viewport, (IReadOnlyList<ILayerSources>)sources)
    {
    }

    public Viewport Viewport { get; } = viewport;

    public ComposedFrame Compose(FramePlan plan, EditorTimeline timeline)
    {
        var commands = new List<DrawCommand>(plan.Layers.Count + 2);
        var skipped = new List<string>();
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
                case EffectLayer effect:
                    skipped.Add(effect.Item.Id);
                    break;
            }
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

    private void AddBackground(GlobalBackground background, EditorTimeline timeline, List<DrawCommand> commands, List<string> skipped)
    {
        var letterboxed = Viewport.OffsetX > 0.001 || Viewport.OffsetY > 0.001;
        var color = background switch
        {
            ColorBackground colored => colored.Color,
            NoBackground => Color.Transparent,
            _ => (Color?)null,
        };
        if (color is null)
        {
            skipped.Add("globalBackground");
            color = Color.Transparent;
        }
        else if (background is ColorBackground { Gradient: not null })
        {
            skipped.Add("globalBackground.gradient");
        }
        if (!letterboxed)
        {
            commands.Add(new FillCommand(color.Value));
            return;
        }
        commands.Add(new FillCommand(Viewport.LetterboxColor));
        commands.Add(new LayerCommand(new LayerDraw(new SolidColorSource(color.Value), CompositionBox(timeline))));
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
