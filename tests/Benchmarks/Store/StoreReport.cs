using System.Globalization;

namespace Benchmarks.Store;

/// <summary>The store command's table: one row per measure, the event store beside the naive design, and their ratio.</summary>
public sealed class StoreReport(TextWriter output)
{
    private const string Format = "  {0,-58} {1,13} {2,13} {3,7}";

    public void Heading(int stateBytes, StoreOptions options)
    {
        output.WriteLine();
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, $"measure ({stateBytes} B state, {options.SyncsPerSecond} syncs/s)",
            "event store", "naive", "ratio"));
    }

    /// <summary>A row; <paramref name="naive"/> is null where the naive design has no counterpart (it has no gRPC service).</summary>
    public void Row(string measure, double ours, double? naive, Func<double, string> format) =>
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, measure, format(ours), naive is { } n ? format(n) : "-",
            naive is { } d && d > 0 ? (ours / d).ToString("0.000", CultureInfo.InvariantCulture) : "-"));
}
