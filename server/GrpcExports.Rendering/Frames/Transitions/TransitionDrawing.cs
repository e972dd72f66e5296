using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Compositing.Masks;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames.Transitions;

/// <summary>
/// How each transition type shows its two clips at its eased progress p (0 all outgoing, 1 all incoming). Geometry is
/// relative to the composition's rectangle, as in editors where a transition moves whole scenes:
/// <list type="bullet">
/// <item>fade: the outgoing clip weighted 1 - p, the incoming p, summed.</item>
/// <item>slide: the incoming clip enters from <c>params.direction</c> by p of the composition and pushes the outgoing
/// one out of the opposite side.</item>
/// <item>wipe: a straight edge sweeping from the direction's side (or corner) across the composition reveals the
/// incoming clip behind it.</item>
/// <item>flip: the scene turns half a revolution about the composition's vertical axis (from-left/right) or
/// horizontal one (from-top/bottom), drawn without perspective: the outgoing clip narrows to nothing by the middle,
/// then the incoming one widens.</item>
/// <item>clock-wipe: a hand sweeping clockwise from 12 o'clock about the centre reveals the incoming clip.</item>
/// <item>iris: a circle growing from the centre to the corners reveals the incoming clip.</item>
/// </list>
/// </summary>
public static class TransitionDrawing
{
    public static IEnumerable<DrawCommand> Commands(TransitionLayer transition, LayerDraw? outgoing, LayerDraw? incoming, CompositionArea area)
    {
        var p = transition.Progress;
        var kind = transition.Transition.Type;
        if (kind != "fade" && (p <= 0 || p >= 1))
        {
            return Single(p <= 0 ? outgoing : incoming);
        }
        var direction = transition.Transition.Direction;
        return kind switch
        {
            "fade" => [Mix(Weighted(outgoing, 1 - p), Weighted(incoming, p))],
            "slide" => [Slide(outgoing, incoming, direction, p, area)],
            "wipe" => [new MaskedMixCommand(outgoing, incoming, WipeEdge(direction, p, area))],
            "flip" => Single(Flip(p < 0.5 ? outgoing : incoming, direction, p, area)),
            "clock-wipe" => [new MaskedMixCommand(outgoing, incoming, new SectorMask(area.CenterX, area.CenterY, 2 * Math.PI * p))],
            "iris" => [new MaskedMixCommand(outgoing, incoming, new DiscMask(area.CenterX, area.CenterY,
                p * Math.Sqrt(area.Width * area.Width + area.Height * area.Height) / 2))],
            _ => throw new NotSupportedException($"No drawing for transition type '{kind}'."),
        };
    }

    /// <summary>Whether <see cref="Commands"/> draws this transition type.</summary>
    public static bool Draws(string type) => type is "fade" or "slide" or "wipe" or "flip" or "clock-wipe" or "iris";

    private static DrawCommand[] Single(LayerDraw? draw) => draw is null ? [] : [new LayerCommand(draw)];

    private static MixCommand Mix(params LayerDraw?[] layers) => new([.. layers.OfType<LayerDraw>()]);

    private static LayerDraw? Weighted(LayerDraw? draw, double weight) => draw is null ? null : draw with { Opacity = draw.Opacity * weight };

    private static LayerDraw? Moved(LayerDraw? draw, double dx, double dy) => draw is null
        ? null
        : draw with { Placement = draw.Placement with { CenterX = draw.Placement.CenterX + dx, CenterY = draw.Placement.CenterY + dy } };

    private static MixCommand Slide(LayerDraw? outgoing, LayerDraw? incoming, TransitionDirection direction, double p, CompositionArea area)
    {
        var (fromX, fromY) = direction.Origin();
        // Both clips move together: the incoming one from one composition away to its place, the outgoing one on by as much.
        var incomingAt = Moved(incoming, fromX * area.Width * (1 - p), fromY * area.Height * (1 - p));
        var outgoingAt = Moved(outgoing, -fromX * area.Width * p, -fromY * area.Height * p);
        return Mix(outgoingAt, incomingAt);
    }

    /// <summary>
    /// The incoming side of a wipe's edge. In the composition's unit square (u, v), the edge travels along
    /// t = -origin: the incoming region is where <c>t · (u, v) - min</c> is below <c>p * range</c>, min and range being
    /// those of <c>t · (u, v)</c> over the square (so a corner wipe ends exactly at the opposite corner).
    /// </summary>
    private static HalfPlaneMask WipeEdge(TransitionDirection direction, double p, CompositionArea area)
    {
        var (fromX, fromY) = direction.Origin();
        int travelX = -fromX, travelY = -fromY;
        var min = Math.Min(0, travelX) + Math.Min(0, travelY);
        var range = Math.Abs(travelX) + Math.Abs(travelY);
        // u = (x - left) / width, v = (y - top) / height, written as normal · (x, y) < offset in frame pixels.
        var normalX = travelX / area.Width;
        var normalY = travelY / area.Height;
        var offset = p * range + min + normalX * area.Left + normalY * area.Top;
        return new HalfPlaneMask(normalX, normalY, offset);
    }

    private static LayerDraw? Flip(LayerDraw? draw, TransitionDirection direction, double p, CompositionArea area)
    {
        if (draw is null)
        {
            return null;
        }
        // Seen edge-on the scene's extent across the axis is |cos| of the angle turned; the outgoing clip turns 0..90°,
        // the incoming one -90..0°.
        var factor = Math.Abs(Math.Cos(Math.PI * p));
        var placement = draw.Placement;
        var horizontal = direction is TransitionDirection.FromLeft or TransitionDirection.FromRight;
        placement = horizontal
            ? placement with { CenterX = area.CenterX + (placement.CenterX - area.CenterX) * factor, Width = placement.Width * factor }
            : placement with { CenterY = area.CenterY + (placement.CenterY - area.CenterY) * factor, Height = placement.Height * factor };
        return draw with { Placement = placement };
    }
}
