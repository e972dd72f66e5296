using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Server.Projects;

namespace GrpcExports.Server.Thumbnails;

/// <summary>Which frames a thumbnail shows, at <see cref="Rate"/>: the frame at a time, the first with content, or a contact sheet's.</summary>
internal static class ThumbnailFrames
{
    /// <summary>Thumbnails are drawn on a 30 fps grid: a time shows the frame that is on screen then.</summary>
    public static readonly FrameRate Rate = FrameRate.FromFramesPerSecond(30);

    public static IReadOnlyList<long> Choose(EditorTimeline timeline, ThumbnailRequestCheck request)
    {
        var clock = timeline.ClockAt(Rate);
        var totalFrames = clock.FrameCount(timeline.DurationTicks);
        if (request.IsContactSheet)
        {
            return totalFrames == 0
                ? throw ProjectErrors.InvalidRequest("frame_count", "The timeline is empty: a contact sheet needs at least one frame.")
                : ContactSheet.FramesToShow(totalFrames, request.FrameCount);
        }
        if (request.Time is { } time)
        {
            var tick = (long)((Int128)time.Ticks * timeline.TicksPerSecond / TimeSpan.TicksPerSecond);
            if (tick >= timeline.DurationTicks && !(tick == 0 && totalFrames == 0))
            {
                throw ProjectErrors.InvalidRequest("time",
                    $"The timeline ends at {(double)timeline.DurationTicks / timeline.TicksPerSecond:0.###} s; {time.TotalSeconds:0.###} s is not before its end.");
            }
            // The frame on screen at the tick: the last frame starting at or before it.
            var next = clock.FirstFrameAtOrAfter(tick);
            return [clock.FrameTick(next) == tick ? next : next - 1];
        }
        return [FirstWithContent(timeline, totalFrames)];
    }

    /// <summary>The first frame on which any item is drawn (frame 0 when there is none): frame 0 or where some item starts.</summary>
    private static long FirstWithContent(EditorTimeline timeline, long totalFrames)
    {
        var evaluator = new FrameEvaluator(timeline, Rate);
        var candidates = timeline.Items.Values.Select(item => evaluator.Clock.FirstFrameAtOrAfter(item.StartTicks))
            .Prepend(0).Where(frame => frame < totalFrames).Distinct().Order();
        return candidates.FirstOrDefault(frame => evaluator.Evaluate(frame).Layers.Count > 0);
    }
}
