using System.Globalization;
using Benchmarks.Reporting;

namespace Benchmarks.LoadTest;

/// <summary>The load command's tables: sync latency under load beside the one-client baseline, then what failed, exported and was watched.</summary>
public sealed class LoadReport(TextWriter output)
{
    private const string Format = "  {0,-34} {1,14} {2,14} {3,7}";

    public void Print(LoadOptions options, TimeSpan autosaved, SyncOutcomes baseline, SyncOutcomes load, ExportTraffic traffic, WatcherCrowd crowd)
    {
        output.WriteLine();
        output.WriteLine(Line("SyncProject", $"{options.Clients} clients", "1 client", "ratio"));
        output.WriteLine(Line("acknowledged syncs", Count(load.Latencies.Count), Count(baseline.Latencies.Count), "-"));
        output.WriteLine(Line("syncs per second", Rate(load.Latencies.Count / autosaved.TotalSeconds), "-", "-"));
        foreach (var p in (double[])[50, 99])
        {
            var ours = Percentile.Of(load.Latencies, p);
            var alone = Percentile.Of(baseline.Latencies, p);
            output.WriteLine(Line($"p{p} latency", Units.Latency(ours), Units.Latency(alone), Units.Ratio(ours / alone)));
        }
        output.WriteLine(Line("rate limited", Count(load.Failures.GetValueOrDefault(SyncOutcomes.RateLimited)),
            Count(baseline.Failures.GetValueOrDefault(SyncOutcomes.RateLimited)), "-"));
        output.WriteLine(Line("other errors", Count(load.Errors), Count(baseline.Errors), "-"));
        foreach (var (failure, count) in load.Failures.Concat(baseline.Failures).Where(f => f.Key != SyncOutcomes.RateLimited))
        {
            output.WriteLine($"    {failure}: {count}");
        }
        output.WriteLine();
        output.WriteLine($"  exports beside the load: {traffic.Succeeded} succeeded, {traffic.Failed} failed");
        output.WriteLine($"  WatchExport streams: {crowd.Terminal} of {options.Watchers} saw the terminal state ({crowd.Opened} opened, "
            + $"{crowd.Broken} broken, {crowd.Messages} messages)");
    }

    private static string Line(string measure, string load, string alone, string ratio) =>
        string.Format(CultureInfo.InvariantCulture, Format, measure, load, alone, ratio);

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
