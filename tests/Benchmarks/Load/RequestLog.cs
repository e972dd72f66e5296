using System.Globalization;

namespace Benchmarks.Load;

/// <summary>
/// h2load's --log-file: one tab-separated line per request (start time in µs since the epoch, HTTP status, µs until
/// the end of the response). Gives the latency percentiles the summary lacks and proves every status was 200.
/// h2load writes status 0 for a request whose response headers came during its warm-up and whose end came in the
/// measured time: it counts such a request by its real status in its summary, so 0 is not held against it here.
/// </summary>
/// <param name="Non200Statuses">How many requests ended with each status other than 200.</param>
public sealed record RequestLog(long Requests, long Non200, IReadOnlyDictionary<string, long> Non200Statuses, double P50Micros, double P99Micros)
{
    private const string NotRecorded = "0";

    public static RequestLog Read(string path)
    {
        var latencies = new List<long>();
        var non200 = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length < 3)
            {
                throw new FormatException($"Unexpected line in h2load's log: '{line}'.");
            }
            if (columns[1] is not ("200" or NotRecorded))
            {
                non200[columns[1]] = non200.GetValueOrDefault(columns[1]) + 1;
            }
            latencies.Add(long.Parse(columns[2], NumberStyles.Integer, CultureInfo.InvariantCulture));
        }
        latencies.Sort();
        return new RequestLog(latencies.Count, non200.Values.Sum(), non200, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    /// <summary>The nearest-rank percentile of sorted values (0 for none).</summary>
    private static double Percentile(List<long> sorted, double fraction)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
