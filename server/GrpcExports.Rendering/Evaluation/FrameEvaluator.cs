using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Evaluation;

/// <summary>
/// Resolves a timeline at an export frame rate into each frame's ordered stack of visible layers.
/// </summary>
/// <remarks>
/// <c>tracks[0]</c> is the top layer, so tracks are stacked from the last to the first; hidden tracks are not drawn;
/// items that are not visual (audio) are not layers; effects and filters are, acting on what is below them. A transition joins two touching clips of its track and is
/// centred on their cut: over <c>[cut - d/2, cut + d/2)</c> the track shows a <see cref="TransitionLayer"/> with both
/// clips instead of one item. A transition whose clips are not on its track or do not touch is ignored (validation
/// refuses such documents; the evaluator stays total). A clip that leaves through a transition has no <c>out</c>
/// animation, and one that enters through a transition no <c>in</c> animation: the transition is how it leaves or
/// enters (drawing both would fade or move the clip away while the transition is still showing it). Visual items,
/// effects and filters shorter than one frame are not drawn; each is named in <see cref="FramePlan.LeftOut"/> of the
/// frame whose interval holds its start.
/// </remarks>
public sealed class FrameEvaluator
{
    private readonly EditorTimeline _timeline;
    private readonly TrackPlan[] _bottomToTop;
    private readonly ILookup<long, string> _shorterThanFrame;

    public FrameEvaluator(EditorTimeline timeline, FrameRate rate)
    {
        _timeline = timeline;
        Clock = timeline.ClockAt(rate);
        var transitionsByTrack = timeline.Transitions.ToLookup(t => t.TrackId, StringComparer.Ordinal);
        var visible = timeline.Tracks.Reverse().Where(track => !track.Hidden).ToArray();
        var tooShort = visible.SelectMany(track => track.Items)
            .Where(item => item is not AudioItem && Clock.IsShorterThanFrame(item.DurationTicks))
            .ToArray();
        _shorterThanFrame = tooShort.ToLookup(item => Clock.FrameHolding(item.StartTicks), item => item.Id);
        _bottomToTop = visible
            .Select(track => track with { Items = [.. track.Items.Except(tooShort)] })
            .Select(track => PlanOf(track, transitionsByTrack[track.Id]))
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
        return new FramePlan(instant, _timeline.Background, layers) { LeftOut = [.. _shorterThanFrame[frame]] };
    }

    /// <summary>The track's plan: its transitions resolved, and its joined clips without the animations the transitions replace.</summary>
    private TrackPlan PlanOf(TimelineTrack track, IEnumerable<TimelineTransition> transitions)
    {
        var items = track.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var joined = new List<(TimelineTransition Transition, VisualItem From, VisualItem To)>();
        foreach (var transition in transitions)
        {
            if (items.GetValueOrDefault(transition.FromClipId) is VisualItem from
                && items.GetValueOrDefault(transition.ToClipId) is VisualItem to && from.EndTicks == to.StartTicks)
            {
                joined.Add((transition, from, to));
            }
        }
        foreach (var (_, from, to) in joined)
        {
            var leaving = (VisualItem)items[from.Id];
            items[from.Id] = leaving with { Animations = leaving.Animations with { Out = null } };
            var entering = (VisualItem)items[to.Id];
            items[to.Id] = entering with { Animations = entering.Animations with { In = null } };
        }
        var resolved = joined
            .Select(j => new ActiveTransition(j.Transition, (VisualItem)items[j.From.Id], (VisualItem)items[j.To.Id],
                2 * j.To.StartTicks - j.Transition.DurationTicks, 2 * j.To.StartTicks + j.Transition.DurationTicks))
            .OrderBy(t => t.StartHalfTick)
            .ToArray();
        return new TrackPlan(track with { Items = [.. track.Items.Select(i => items[i.Id])] }, resolved, LayerOf);
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
                FilterItem filter => new FilterLayer(filter, track.Id, instant.Time - filter.StartTicks),
                _ => null,
            };
        }
    }
}
