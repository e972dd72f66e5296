using Benchmarks.Charts;
using Benchmarks.Reporting;

namespace Benchmarks.Rpc;

/// <summary>The rpc command's chart: latency percentiles of our layer beside raw Kestrel's, medians over the rounds.</summary>
public static class RpcChart
{
    public static BarChart Latencies(IReadOnlyList<RoundMeasurement> measurements, string layer, string raw, RpcOptions options)
    {
        double MedianOf(string host, Func<RoundMeasurement, double> value) =>
            Median.Of(measurements.Where(m => m.Host == host).Select(value)) / 1_000;
        BarGroup Group(string label, Func<RoundMeasurement, double> value) => new(label, [MedianOf(layer, value), MedianOf(raw, value)]);
        return new BarChart(
            $"Unary call latency, {options.PayloadBytes} B echo, {options.Clients} x {options.Streams} streams (h2load)",
            "milliseconds (median of rounds)",
            ["our gRPC layer", "raw Kestrel"],
            [Group("p50", m => m.P50Micros), Group("mean", m => m.MeanMicros), Group("p99", m => m.P99Micros)]);
    }
}
