using GrpcExports.Rendering.Captions.Animations;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Captions;

/// <summary>
/// Runs a captions item's caption animations on a page: <c>in</c> over the first <c>durationTicks</c> after the page
/// appears, <c>out</c> over the last ones before it goes (its progress running back from 1 to 0), <c>loop</c> over and
/// over from the page's start; each through its easing.
/// </summary>
public static class CaptionAnimationTiming
{
    public static void Apply(CaptionScene scene, CaptionAnimations animations, long ticksPerSecond)
    {
        var sincePageStart = scene.TimeMs - scene.Page.StartMs;
        var untilPageEnd = scene.Page.EndMs - scene.TimeMs;
        if (animations.Loop is { } loop && CaptionAnimationStyles.For(loop.Type) is { } looped)
        {
            var period = Milliseconds(loop, ticksPerSecond);
            var phase = sincePageStart / period - Math.Floor(sincePageStart / period);
            looped.Apply(scene, EasingCurves.Apply(loop.Easing, phase), looping: true);
        }
        if (animations.In is { } entering && CaptionAnimationStyles.For(entering.Type) is { } enter)
        {
            enter.Apply(scene, Progress(entering, sincePageStart, ticksPerSecond), looping: false);
        }
        if (animations.Out is { } leaving && CaptionAnimationStyles.For(leaving.Type) is { } leave)
        {
            leave.Apply(scene, Progress(leaving, untilPageEnd, ticksPerSecond), looping: false);
        }
    }

    /// <summary>1 once <paramref name="elapsedMs"/> covers the animation, else its eased fraction.</summary>
    private static double Progress(CaptionAnimation animation, double elapsedMs, long ticksPerSecond) =>
        EasingCurves.Apply(animation.Easing, Math.Clamp(elapsedMs / Milliseconds(animation, ticksPerSecond), 0, 1));

    private static double Milliseconds(CaptionAnimation animation, long ticksPerSecond) =>
        animation.DurationTicks * 1000.0 / ticksPerSecond;
}
