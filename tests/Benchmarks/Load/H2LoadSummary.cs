using System.Globalization;
using System.Text.RegularExpressions;

namespace Benchmarks.Load;

/// <summary>
/// The figures of h2load's closing summary: "finished in ..., N req/s", the "requests:" and "status codes:" counts and
/// the "time for request:" min/max/mean/sd line (in microseconds here).
/// </summary>
public sealed partial record H2LoadSummary(
    double RequestsPerSecond,
    long Total,
    long Done,
    long Succeeded,
    long Failed,
    long Errored,
    long TimedOut,
    long Status2xx,
    long StatusOther,
    double MinMicros,
    double MaxMicros,
    double MeanMicros,
    double SdMicros)
{
    /// <summary>
    /// Every request succeeded: none failed, errored or timed out, and no response was other than 2xx. (The status
    /// counts also include responses whose headers arrived as the timed run ended, so 2xx may exceed the total.)
    /// </summary>
    public bool AllSucceeded =>
        Total > 0 && Succeeded == Total && Done == Total && StatusOther == 0 && Failed == 0 && Errored == 0 && TimedOut == 0;

    public static H2LoadSummary Parse(string output)
    {
        var finished = Match(FinishedLine(), output, "finished in");
        var requests = Match(RequestsLine(), output, "requests:");
        var statuses = Match(StatusCodesLine(), output, "status codes:");
        var time = Match(TimeForRequestLine(), output, "time for request:");
        return new H2LoadSummary(
            RequestsPerSecond: Number(finished, "rps"),
            Total: Count(requests, "total"),
            Done: Count(requests, "done"),
            Succeeded: Count(requests, "succeeded"),
            Failed: Count(requests, "failed"),
            Errored: Count(requests, "errored"),
            TimedOut: Count(requests, "timeout"),
            Status2xx: Count(statuses, "s2xx"),
            StatusOther: Count(statuses, "s3xx") + Count(statuses, "s4xx") + Count(statuses, "s5xx"),
            MinMicros: Micros(time, "min"),
            MaxMicros: Micros(time, "max"),
            MeanMicros: Micros(time, "mean"),
            SdMicros: Micros(time, "sd"));
    }

    private static Match Match(Regex regex, string output, string line)
    {
        var match = regex.Match(output);
        return match.Success ? match : throw new FormatException($"h2load's output has no '{line}' line.");
    }

    private static double Number(Match match, string group) =>
        double.Parse(match.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static long Count(Match match, string group) =>
        long.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static double Micros(Match match, string group)
    {
        var value = Number(match, group);
        return match.Groups[group + "Unit"].Value switch
        {
            "us" => value,
            "ms" => value * 1_000,
            "s" => value * 1_000_000,
            var unit => throw new FormatException($"Unknown time unit '{unit}' in h2load's output."),
        };
    }

    [GeneratedRegex(@"^finished in [\d.]+m?s, (?<rps>[\d.]+) req/s", RegexOptions.Multiline)]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"^requests: (?<total>\d+) total, \d+ started, (?<done>\d+) done, (?<succeeded>\d+) succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored, (?<timeout>\d+) timeout", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^status codes: (?<s2xx>\d+) 2xx, (?<s3xx>\d+) 3xx, (?<s4xx>\d+) 4xx, (?<s5xx>\d+) 5xx", RegexOptions.Multiline)]
    private static partial Regex StatusCodesLine();

    [GeneratedRegex(@"^time for request:\s+(?<min>[\d.]+)(?<minUnit>us|ms|s)\s+(?<max>[\d.]+)(?<maxUnit>us|ms|s)\s+(?<mean>[\d.]+)(?<meanUnit>us|ms|s)\s+(?<sd>[\d.]+)(?<sdUnit>us|ms|s)", RegexOptions.Multiline)]
    private static partial Regex TimeForRequestLine();
}
