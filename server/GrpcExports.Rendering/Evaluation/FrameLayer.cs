using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Evaluation;

/// <summary>One entry of a frame's layer stack. The stack is ordered bottom to top.</summary>
public abstract record FrameLayer;

/// <summary>
/// A visual item on the frame, with its geometry resolved and its own clock: <see cref="LocalTicks"/> is the frame's
/// instant minus the item's start. Inside a transition it runs past the item's end (the outgoing clip) or is negative
/// (the incoming clip), and sources hold their edge frame where they have no more.
/// </summary>
public sealed record ItemLayer(VisualItem Item, string TrackId, LayerGeometry Geometry, double LocalTicks) : FrameLayer;

/// <summary>An effect item running on the frame, <see cref="LocalTicks"/> after its start; it acts on the layers below it.</summary>
public sealed record EffectLayer(EffectItem Item, string TrackId, double LocalTicks) : FrameLayer;

/// <summary>A filter item running on the frame, <see cref="LocalTicks"/> after its start; it recolours the layers below it.</summary>
public sealed record FilterLayer(FilterItem Item, string TrackId, double LocalTicks) : FrameLayer;

/// <summary>
/// Two clips of one track during the transition that joins them: <see cref="Progress"/> is
/// <see cref="LinearProgress"/> (0 at <c>cut - d/2</c>, 1 at <c>cut + d/2</c>) shaped by the transition's easing.
/// A fade draws the outgoing clip with weight <c>1 - Progress</c> and the incoming one with <c>Progress</c>.
/// </summary>
public sealed record TransitionLayer(
    TimelineTransition Transition,
    double LinearProgress,
    double Progress,
    ItemLayer Outgoing,
    ItemLayer Incoming) : FrameLayer;

/// <summary>
/// Everything drawn on one frame: the background, then <see cref="Layers"/> from bottom to top; <see cref="LeftOut"/>
/// names the items the frame would show but that are shorter than one frame (not drawn, see <see cref="FrameEvaluator"/>).
/// </summary>
public sealed record FramePlan(FrameInstant Instant, GlobalBackground Background, IReadOnlyList<FrameLayer> Layers)
{
    public IReadOnlyList<string> LeftOut { get; init; } = [];
}
