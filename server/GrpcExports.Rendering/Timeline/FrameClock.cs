namespace GrpcExports.Rendering.Timeline;

/// <summary>
/// Converts between timeline ticks and export frames with integer arithmetic only.
/// </summary>
/// <remarks>
/// Frame <c>f</c> shows the timeline at the exact instant <c>f / fps</c> seconds, that is at
/// <c>f * ticksPerSecond / fps</c> ticks (a fraction when the rate does not divide the timebase). Something that
/// covers the half-open tick range <c>[start, end)</c> is on frame <c>f</c> exactly when
/// <c>start &lt;= f * ticksPerSecond / fps &lt; end</c>; for integer ticks that is the same as comparing with the
/// floor of the frame's instant, which is why <see cref="FrameTick"/> rounds down. The first frame at or after a tick
/// is therefore the ceiling of <c>tick * fps / ticksPerSecond</c>, and a timeline of <c>L</c> ticks has
/// <c>ceil(L * fps / ticksPerSecond)</c> frames: 10 minutes at 60 fps is 144,000,000 ticks and exactly 36,000 frames
/// (0 to 35,999), and the end tick falls on frame 36,000.
/// </remarks>
public sealed class FrameClock
{
    public FrameClock(long ticksPerSecond, FrameRate rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSecond);
        if (rate.Numerator == 0)
        {
            throw new ArgumentException("The frame rate is not set.", nameof(rate));
        }
        TicksPerSecond = ticksPerSecond;
        Rate = rate;
    }

    public long TicksPerSecond { get; }

    public FrameRate Rate { get; }

    /// <summary>The tick the frame samples: the floor of the frame's exact instant.</summary>
    public long FrameTick(long frame) => (long)FloorDivide((Int128)frame * TicksPerSecond * Rate.Denominator, Rate.Numerator);

    /// <summary>The frame's exact instant in ticks as a double (exact whenever the rate divides the timebase).</summary>
    public double FrameTime(long frame) => (double)((Int128)frame * TicksPerSecond * Rate.Denominator) / Rate.Numerator;

    /// <summary>Twice the frame's instant in ticks, rounded down: compares exactly against half-tick boundaries.</summary>
    public long FrameHalfTick(long frame) => (long)FloorDivide((Int128)frame * 2 * TicksPerSecond * Rate.Denominator, Rate.Numerator);

    /// <summary>The first frame whose instant is at or after <paramref name="tick"/>.</summary>
    public long FirstFrameAtOrAfter(long tick) => (long)CeilingDivide((Int128)tick * Rate.Numerator, (Int128)TicksPerSecond * Rate.Denominator);

    /// <summary>The frame whose interval <c>[f / fps, (f + 1) / fps)</c> holds <paramref name="tick"/>.</summary>
    public long FrameHolding(long tick) => (long)FloorDivide((Int128)tick * Rate.Numerator, (Int128)TicksPerSecond * Rate.Denominator);

    /// <summary>Whether a span of <paramref name="durationTicks"/> is shorter than one frame.</summary>
    public bool IsShorterThanFrame(long durationTicks) => (Int128)durationTicks * Rate.Numerator < (Int128)TicksPerSecond * Rate.Denominator;

    /// <summary>How many frames show a span of <paramref name="durationTicks"/> starting at tick 0.</summary>
    public long FrameCount(long durationTicks) => FirstFrameAtOrAfter(durationTicks);

    /// <summary>The frames that show the half-open tick range <c>[startTick, endTick)</c>: from first, count of them.</summary>
    public (long First, long Count) FramesCovering(long startTick, long endTick)
    {
        var first = FirstFrameAtOrAfter(startTick);
        var end = FirstFrameAtOrAfter(endTick);
        return (first, Math.Max(0, end - first));
    }

    public FrameInstant Instant(long frame) => new(frame, FrameTick(frame), FrameHalfTick(frame), FrameTime(frame));

    private static Int128 FloorDivide(Int128 dividend, Int128 divisor)
    {
        var quotient = Int128.DivRem(dividend, divisor);
        return quotient.Remainder != 0 && (quotient.Remainder < 0) != (divisor < 0) ? quotient.Quotient - 1 : quotient.Quotient;
    }

    private static Int128 CeilingDivide(Int128 dividend, Int128 divisor) => -FloorDivide(-dividend, divisor);
}

/// <summary>
/// One frame's instant on the timeline: <see cref="Tick"/> (floor, for exact membership tests against integer ticks),
/// <see cref="HalfTick"/> (floor of twice the instant, for ranges that end on half ticks such as a transition centred
/// on a cut) and <see cref="Time"/> (the exact instant as a double, for interpolation).
/// </summary>
public readonly record struct FrameInstant(long Frame, long Tick, long HalfTick, double Time)
{
    /// <summary>Whether the instant lies in the half-open range <c>[start, end)</c> of integer ticks.</summary>
    public bool IsWithin(long start, long end) => start <= Tick && Tick < end;
}
