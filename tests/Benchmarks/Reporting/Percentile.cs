namespace Benchmarks.Reporting;

public static class Percentile
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0 to 100) of the values.</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new InvalidOperationException("A percentile of nothing.");
        }
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
