namespace GrpcExports.Rendering.Timeline;

/// <summary>
/// An export frame rate as an exact fraction (30 is 30/1; NTSC's 29.97 would be 30000/1001), so that frame times are
/// computed with integers and never drift.
/// </summary>
public readonly record struct FrameRate
{
    public FrameRate(int numerator, int denominator = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numerator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var divisor = GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / divisor;
        Denominator = denominator / divisor;
    }

    /// <summary>Frames per <see cref="Denominator"/> seconds.</summary>
    public int Numerator { get; }

    public int Denominator { get; }

    public double FramesPerSecond => (double)Numerator / Denominator;

    public static FrameRate FromFramesPerSecond(int framesPerSecond) => new(framesPerSecond);

    public override string ToString() => Denominator == 1 ? $"{Numerator} fps" : $"{Numerator}/{Denominator} fps";

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
