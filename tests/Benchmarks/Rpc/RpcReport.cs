using Benchmarks.Reporting;

namespace Benchmarks.Rpc;

/// <summary>
/// The rpc command's output: a table row per host per round as they finish, then the medians of each host, the
/// ratios (throughput raw/layer, latency layer/raw: above 1 means the layer costs that much more) and the verdict on
/// the aim.
/// </summary>
public sealed class RpcReport(TextWriter output, double aim)
{
    private const string RowFormat = "  {0,5}  {1,-6} {2,8} {3,9} {4,9} {5,9} {6,9} {7,9} {8,9} {9,9}";
    private const string MedianFormat = "  {0,-6} {1,8} {2,9} {3,9} {4,9} {5,9} {6,9}";

    public void WriteTableHeader()
    {
        output.WriteLine(RowFormat, "round", "host", "req/s", "mean", "p50", "p99", "max", "cpu/call", "B/call", "requests");
    }

    public void WriteRow(RoundMeasurement m)
    {
        output.WriteLine(RowFormat, m.Round, m.Host, Units.Rate(m.RequestsPerSecond), Units.Latency(m.MeanMicros),
            Units.Latency(m.P50Micros), Units.Latency(m.P99Micros), Units.Latency(m.Result.Summary.MaxMicros),
            Units.Cpu(m.CpuMicrosPerCall), Units.Bytes(m.AllocatedBytesPerCall), m.Result.Summary.Succeeded);
    }

    /// <summary>Writes the summary; returns whether the aim is met (throughput and mean latency within it).</summary>
    public bool WriteSummary(IReadOnlyList<RoundMeasurement> measurements, string layer, string raw)
    {
        var ours = measurements.Where(m => m.Host == layer).ToList();
        var theirs = measurements.Where(m => m.Host == raw).ToList();
        double MedianOf(List<RoundMeasurement> list, Func<RoundMeasurement, double> value) => Median.Of(list.Select(value));

        output.WriteLine();
        output.WriteLine($"Medians over {ours.Count} rounds:");
        output.WriteLine(MedianFormat, "host", "req/s", "mean", "p50", "p99", "cpu/call", "B/call");
        foreach (var (name, list) in new[] { (layer, ours), (raw, theirs) })
        {
            output.WriteLine(MedianFormat, name,
                Units.Rate(MedianOf(list, m => m.RequestsPerSecond)), Units.Latency(MedianOf(list, m => m.MeanMicros)),
                Units.Latency(MedianOf(list, m => m.P50Micros)), Units.Latency(MedianOf(list, m => m.P99Micros)),
                Units.Cpu(MedianOf(list, m => m.CpuMicrosPerCall)), Units.Bytes(MedianOf(list, m => m.AllocatedBytesPerCall)));
        }

        var throughput = MedianOf(theirs, m => m.RequestsPerSecond) / MedianOf(ours, m => m.RequestsPerSecond);
        var mean = MedianOf(ours, m => m.MeanMicros) / MedianOf(theirs, m => m.MeanMicros);
        var p99 = MedianOf(ours, m => m.P99Micros) / MedianOf(theirs, m => m.P99Micros);
        var cpu = MedianOf(ours, m => m.CpuMicrosPerCall) / MedianOf(theirs, m => m.CpuMicrosPerCall);
        var allocated = MedianOf(ours, m => m.AllocatedBytesPerCall) / MedianOf(theirs, m => m.AllocatedBytesPerCall);
        var paired = Median.Of(ours.Join(theirs, o => o.Round, t => t.Round, (o, t) => t.RequestsPerSecond / o.RequestsPerSecond));

        output.WriteLine();
        output.WriteLine($"Ratios (1.00x = as fast as raw Kestrel; aim <= {Units.Ratio(aim)}):");
        output.WriteLine($"  throughput {raw}/{layer} (of medians)           {Units.Ratio(throughput)}");
        output.WriteLine($"  throughput {raw}/{layer} (median of per-round)  {Units.Ratio(paired)}");
        output.WriteLine($"  mean latency {layer}/{raw}                      {Units.Ratio(mean)}");
        output.WriteLine($"  p99 latency {layer}/{raw}                       {Units.Ratio(p99)}");
        output.WriteLine($"  server CPU per call {layer}/{raw}               {Units.Ratio(cpu)}");
        output.WriteLine($"  bytes allocated per call {layer}/{raw}          {Units.Ratio(allocated)}");
        var met = throughput <= aim && mean <= aim;
        output.WriteLine();
        output.WriteLine(met
            ? $"Aim met: the layer's unary calls cost {Units.Ratio(Math.Max(throughput, mean))} of raw Kestrel's (aim <= {Units.Ratio(aim)})."
            : $"Aim NOT met: the layer's unary calls cost {Units.Ratio(Math.Max(throughput, mean))} of raw Kestrel's (aim <= {Units.Ratio(aim)}).");
        return met;
    }
}
