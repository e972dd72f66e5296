using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Evaluation;

/// <summary>
/// Resolves a timeline at an export frame rate into each frame's ordered stack of visible layers.
/// </summary>
/// <remarks>
/// <c>tracks[0]</c> is the top layer, so tracks are stacked from the last to the first; hidden tracks are not drawn;
/// items that are not visual (audio) are not layers; effects are, acting on what is below them. A transition joins two touching clips of its track and is
/// centred on their cut: over <c>[cut - d/2, cut + d/2)</c> the track shows a <see cref="TransitionLayer"/> with both
/// clips instead of one item. A transition whose clips are not on its track or do not touch is ignored (validation
/// refuses such documents; the evaluator stays total).
/// </remarks>
public sealed class FrameEvaluator
{
    private readonly EditorTimeline _timeline;
    private readonly TrackPlan[] _bottomToTop;

    public FrameEvaluator(EditorTimeline timeline, FrameRate rate)
    {
        _timeline = timeline;
        Clock = timeline.ClockAt(rate);
        var transitionsByTrack = timeline.Transitions.ToLookup(t => t.TrackId, StringComparer.Ordinal);
        _bottomToTop = timeline.Tracks
            .Reverse()
            .Where(track => !track.Hidden)
            .Select(track => new TrackPlan(track, ResolveTransitions(track, transitionsByTrack[track.Id]), LayerOf))
            .ToArray();
        FrameCount = Clock.FrameCount(timeline.DurationTicks);
    }

    public FrameClock Clock { get; }

    /// <summary>Frames from 0 up to the end of the last item.</summary>
    public long FrameCount { get; }

    public FramePlan Evaluate(long frame)
    {
        var instant = Clock.Instant(frame);
        var layers = new List<FrameLayer>(_bottomToTop.Length);
        foreach (var track in _bottomToTop)
        {
            if (track.LayerAt(instant) is { } layer)
            {
                layers.Add(layer);
            }
        }
        return new FramePlan(instant, _timeline.Background, layers);
    }

    private static ActiveTransition[] ResolveTransitions(TimelineTrack track, IEnumerable<TimelineTransition> transitions)
    {
        var resolved = new List<ActiveTransition>();
        foreach (var transition in transitions)
        {
            var from = track.Items.FirstOrDefault(i => i.Id == transition.FromClipId) as VisualItem;
            var to = track.Items.FirstOrDefault(i => i.Id == transition.ToClipId) as VisualItem;
            if (from is null || to is null || from.EndTicks != to.StartTicks)
            {
                continue;
            }
            resolved.Add(new ActiveTransition(transition, from, to, 2 * to.StartTicks - transition.DurationTicks,
                2 * to.StartTicks + transition.DurationTicks));
        }
        return [.. resolved.OrderBy(t => t.StartHalfTick)];
    }

    private ItemLayer LayerOf(VisualItem item, string trackId, double time)
    {
        var local = time - item.StartTicks;
        var geometry = ClipAnimationPose.Apply(LayerGeometry.At(item.Geometry, local), item, local,
            _timeline.CompositionWidth, _timeline.CompositionHeight);
        return new ItemLayer(item, trackId, geometry, local);
    }

    /// <summary>A transition with its clips and its window in half ticks: <c>[2 cut - d, 2 cut + d)</c>.</summary>
    private sealed record ActiveTransition(TimelineTransition Transition, VisualItem From, VisualItem To, long StartHalfTick, long EndHalfTick);

    private sealed class TrackPlan(TimelineTrack track, ActiveTransition[] transitions, Func<VisualItem, string, double, ItemLayer> layerOf)
    {
        private readonly TimelineItem[] _items = [.. track.Items];
        private readonly long[] _starts = [.. track.Items.Select(i => i.StartTicks)];

        public FrameLayer? LayerAt(FrameInstant instant)
        {
            foreach (var active in transitions)
            {
                if (active.StartHalfTick <= instant.HalfTick && instant.HalfTick < active.EndHalfTick)
                {
                    var linear = Math.Clamp((2 * instant.Time - active.StartHalfTick) / (2.0 * active.Transition.DurationTicks), 0, 1);
                    return new TransitionLayer(active.Transition, linear, EasingCurves.Apply(active.Transition.Easing, linear),
                        layerOf(active.From, track.Id, instant.Time), layerOf(active.To, track.Id, instant.Time));
                }
            }
            // Items on a track do not overlap: only the one starting last at or before the instant can hold it.
            var index = Array.BinarySearch(_starts, instant.Tick);
            if (index < 0)
            {
                index = ~index - 1;
            }
            if (index < 0 || !instant.IsWithin(_items[index].StartTicks, _items[index].EndTicks))
            {
                return null;
            }
            return _items[index] switch
            {
                VisualItem visual => layerOf(visual, track.Id, instant.Time),
                EffectItem effect => new EffectLayer(effect, track.Id, instant.Time - effect.StartTicks),
                _ => null,
            };
        }
    }
}
