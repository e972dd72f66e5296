using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace GrpcExports.Tests.Fuzzing;

/// <summary>
/// The seed of a fuzzing run: fixed, so CI runs the same cases every time, and printed by every fuzzing test, so a
/// failure elsewhere can be replayed with <c>GRPCEXPORTS_FUZZ_SEED=&lt;seed&gt;</c>; any other value explores new cases.
/// </summary>
internal static class FuzzSeed
{
    public const string Variable = "GRPCEXPORTS_FUZZ_SEED";

    private const ulong DefaultSeed = 20261125;

    // FsCheck's splittable generator needs an odd gamma; one fixed value is enough, the seed is what varies.
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    public static ulong Value { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
        ? ulong.Parse(text, CultureInfo.InvariantCulture)
        : DefaultSeed;

    /// <summary>FsCheck's configuration for <paramref name="cases"/> cases from this seed; a failure throws with the shrunk case.</summary>
    public static Config Checks(int cases) => Config.QuickThrowOnFailure.WithMaxTest(cases).WithReplay(Value, Gamma).WithQuietOnSuccess(true);

    /// <summary>A System.Random for the server round trips, derived from the seed and the test's name so tests stay independent.</summary>
    public static Random Random(string test) => new(unchecked((int)Value * 397 ^ StableHash(test)));

    public static string Describe(int cases) => $"fuzz seed {Value} ({cases} cases); replay with {Variable}={Value}";

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
