namespace GrpcExports.Rendering.Timeline;

/// <summary>
/// A keyframe: a value at a time in ticks relative to the item's start. <see cref="Easing"/> shapes the segment that
/// starts at this keyframe; the schema's <c>keyframePoint</c> has only <c>timeTicks</c> and <c>value</c>, so documents
/// that follow it are linear, and an <c>easing</c> field on a keyframe is honoured when an editor sends one.
/// </summary>
public readonly record struct Keyframe(long TimeTicks, double Value, Easing Easing = Easing.Linear);

/// <summary>
/// The editor state's <c>animatedNumberTrack</c>: <c>value</c> when there are no keyframes; otherwise the keyframes,
/// interpolated between and held before the first and after the last.
/// </summary>
public sealed class AnimatedNumber
{
    private readonly Keyframe[] _keyframes;

    public AnimatedNumber(double value, IEnumerable<Keyframe>? keyframes = null)
    {
        Value = value;
        // A stable sort keeps the document's order for keyframes that share a time (the later one wins from then on).
        _keyframes = keyframes is null ? [] : [.. keyframes.OrderBy(k => k.TimeTicks)];
    }

    public static AnimatedNumber Constant(double value) => new(value);

    public double Value { get; }

    public IReadOnlyList<Keyframe> Keyframes => _keyframes;

    public bool IsAnimated => _keyframes.Length > 0;

    /// <summary>The value at <paramref name="localTicks"/> ticks after the item's start (may be outside the item).</summary>
    public double Evaluate(double localTicks)
    {
        var keyframes = _keyframes;
        if (keyframes.Length == 0)
        {
            return Value;
        }
        if (localTicks < keyframes[0].TimeTicks)
        {
            return keyframes[0].Value;
        }
        var last = keyframes.Length - 1;
        if (localTicks >= keyframes[last].TimeTicks)
        {
            return keyframes[last].Value;
        }
        // The segment [k[i], k[i + 1]) holding the time: the last keyframe at or before it.
        int low = 0, high = last;
        while (high - low > 1)
        {
            var middle = (low + high) >>> 1;
            if (keyframes[middle].TimeTicks <= localTicks)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        var from = keyframes[low];
        var to = keyframes[low + 1];
        var span = to.TimeTicks - from.TimeTicks;
        var progress = EasingCurves.Apply(from.Easing, (localTicks - from.TimeTicks) / span);
        return from.Value + (to.Value - from.Value) * progress;
    }
}
