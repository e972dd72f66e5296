using Benchmarks.Load;

namespace Benchmarks.Rpc;

/// <summary>One host measured in one round.</summary>
/// <param name="CpuMicrosPerCall">Server CPU per call answered during the run (<see cref="ServerCost"/>).</param>
/// <param name="AllocatedBytesPerCall">Bytes the server allocated per call answered during the run.</param>
public sealed record RoundMeasurement(string Host, int Round, H2LoadResult Result, double CpuMicrosPerCall, double AllocatedBytesPerCall)
{
    public double RequestsPerSecond => Result.Summary.RequestsPerSecond;

    public double MeanMicros => Result.Summary.MeanMicros;

    public double P50Micros => Result.Log.P50Micros;

    public double P99Micros => Result.Log.P99Micros;
}
