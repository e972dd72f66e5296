namespace GrpcExports.Rendering.Audio;

/// <summary>
/// A playback rate as a chain of <c>atempo</c> factors, each within 0.5..2: atempo keeps the pitch (as an editor's
/// player does), and beyond 2 it skips samples instead of blending them, so larger and smaller rates are split into
/// stages whose product is the rate.
/// </summary>
internal static class AtempoChain
{
    public const double MinimumFactor = 0.5;

    public const double MaximumFactor = 2.0;

    /// <summary>The factors, empty for rate 1.</summary>
    public static IReadOnlyList<double> Factors(double rate)
    {
        if (!double.IsFinite(rate) || rate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A playback rate must be a positive number.");
        }
        var factors = new List<double>();
        while (rate > MaximumFactor)
        {
            factors.Add(MaximumFactor);
            rate /= MaximumFactor;
        }
        while (rate < MinimumFactor)
        {
            factors.Add(MinimumFactor);
            rate /= MinimumFactor;
        }
        if (rate != 1)
        {
            factors.Add(rate);
        }
        return factors;
    }
}
