using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// The mix's format, 16-bit PCM WAV at 48 kHz in stereo (what AAC and Opus encode without resampling), and the
/// conversions from timeline ticks and export frames to whole samples at that rate.
/// </summary>
public static class MixFormat
{
    public const int SampleRate = 48_000;

    public const int Channels = 2;

    /// <summary>The sample nearest to <paramref name="tick"/>; exact when the timebase is a multiple of 48,000/gcd.</summary>
    public static long SampleAtTick(long tick, long ticksPerSecond) => RoundedDivide((Int128)tick * SampleRate, ticksPerSecond);

    /// <summary>How many samples last exactly as long as <paramref name="frameCount"/> frames, to the nearest sample.</summary>
    public static long SamplesForFrames(long frameCount, FrameRate rate) =>
        RoundedDivide((Int128)frameCount * rate.Denominator * SampleRate, rate.Numerator);

    public static double Seconds(long samples) => (double)samples / SampleRate;

    public static TimeSpan Duration(long samples) => TimeSpan.FromTicks((long)RoundedDivide((Int128)samples * TimeSpan.TicksPerSecond, SampleRate));

    private static long RoundedDivide(Int128 dividend, long divisor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dividend);
        return (long)((dividend * 2 + divisor) / (2 * (Int128)divisor));
    }
}
