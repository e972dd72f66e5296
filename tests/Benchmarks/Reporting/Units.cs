using System.Globalization;

namespace Benchmarks.Reporting;

/// <summary>How the reports write numbers: invariant culture, latencies in µs or ms.</summary>
public static class Units
{
    public static string Latency(double micros) => micros >= 1_000
        ? (micros / 1_000).ToString("0.00", CultureInfo.InvariantCulture) + " ms"
        : micros.ToString("0", CultureInfo.InvariantCulture) + " us";

    public static string Cpu(double micros) => micros.ToString("0.0", CultureInfo.InvariantCulture) + " us";

    public static string Bytes(double bytes) => bytes.ToString("0", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString("0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) =>
        double.IsFinite(ratio) ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "n/a";
}
