using Xunit.Abstractions;

namespace GrpcExports.Tests.Reliability;

/// <summary>
/// How big a fault test runs and where its random points come from. CI runs the reduced form; <c>GX_FAULTS=full</c>
/// runs the full one. Every test logs its seed; <c>GX_FAULTS_SEED=N</c> replays the same choices.
/// </summary>
internal static class FaultRun
{
    public const string ModeVariable = "GX_FAULTS";
    public const string SeedVariable = "GX_FAULTS_SEED";

    public static bool Full => string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="reduced"/> in CI, <paramref name="full"/> when <c>GX_FAULTS=full</c>.</summary>
    public static int Size(int reduced, int full) => Full ? full : reduced;

    /// <summary>A random source seeded from <c>GX_FAULTS_SEED</c> or the clock; the seed is logged to reproduce a failure.</summary>
    public static Random SeededRandom(ITestOutputHelper output)
    {
        var configured = Environment.GetEnvironmentVariable(SeedVariable);
        var seed = int.TryParse(configured, out var given) ? given : Environment.TickCount;
        output.WriteLine($"{SeedVariable}={seed} ({(Full ? "full" : "reduced")} form; {ModeVariable}=full runs the full one)");
        return new Random(seed);
    }
}
