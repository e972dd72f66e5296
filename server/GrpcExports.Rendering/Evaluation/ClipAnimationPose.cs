using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Evaluation;

/// <summary>
/// Applies a clip's <c>animations.in</c> over its first <c>durationTicks</c> and <c>animations.out</c> over its last,
/// with the animation's easing, on top of the keyframed geometry. With p the eased progress of an in-animation (0 at the
/// clip's start, 1 when it is done) and q that of an out-animation (0 when it begins, 1 at the clip's end):
/// <list type="bullet">
/// <item>fade: opacity times p (in), 1 - q (out).</item>
/// <item>slide-up/down/left/right: the clip moves in that direction by one composition height or width: in, it arrives
/// from that far away (slide-up comes from below); out, it leaves by as much.</item>
/// <item>zoom-in (grows): in, scale 0 → 1; out, scale 1 → 2 while fading out.</item>
/// <item>zoom-out (shrinks): in, scale 2 → 1 while fading in; out, scale 1 → 0.</item>
/// </list>
/// Outside the clip (the parts of a transition where a clip is drawn beyond its own range) the animation holds its
/// end state.
/// </summary>
public static class ClipAnimationPose
{
    public static LayerGeometry Apply(LayerGeometry geometry, VisualItem item, double localTicks, double compositionWidth, double compositionHeight)
    {
        if (item.Animations.In is { } entering)
        {
            var p = EasingCurves.Apply(entering.Easing, localTicks / entering.DurationTicks);
            geometry = Pose(geometry, entering.Type, 1 - p, arriving: true, compositionWidth, compositionHeight);
        }
        if (item.Animations.Out is { } leaving)
        {
            var q = EasingCurves.Apply(leaving.Easing, (localTicks - (item.DurationTicks - leaving.DurationTicks)) / leaving.DurationTicks);
            geometry = Pose(geometry, leaving.Type, q, arriving: false, compositionWidth, compositionHeight);
        }
        return geometry;
    }

    /// <summary>The geometry <paramref name="away"/> of the way from at rest (0) to the animation's far end (1).</summary>
    private static LayerGeometry Pose(LayerGeometry g, string type, double away, bool arriving, double width, double height)
    {
        if (away <= 0)
        {
            return g;
        }
        // Slides arrive from the side opposite their direction and leave towards it.
        var travel = arriving ? -away : away;
        return type switch
        {
            "fade" => g with { Opacity = g.Opacity * (1 - away) },
            "slide-up" => g with { Top = g.Top - travel * height },
            "slide-down" => g with { Top = g.Top + travel * height },
            "slide-left" => g with { Left = g.Left - travel * width },
            "slide-right" => g with { Left = g.Left + travel * width },
            "zoom-in" when arriving => Scaled(g, 1 - away, 1),
            "zoom-in" => Scaled(g, 1 + away, 1 - away),
            "zoom-out" when arriving => Scaled(g, 1 + away, 1 - away),
            "zoom-out" => Scaled(g, 1 - away, 1),
            _ => g,
        };
    }

    private static LayerGeometry Scaled(LayerGeometry g, double factor, double opacity) =>
        g with { ScaleX = g.ScaleX * factor, ScaleY = g.ScaleY * factor, Opacity = g.Opacity * opacity };
}
