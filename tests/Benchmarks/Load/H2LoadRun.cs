namespace Benchmarks.Load;

/// <summary>
/// One h2load run: POSTs <see cref="RequestBodyFile"/> to <see cref="Url"/> with the given concurrency, either for a
/// fixed number of requests or, time-boxed, for a warm-up then a measured duration.
/// </summary>
public sealed record H2LoadRun(
    string H2LoadPath,
    Uri Url,
    string RequestBodyFile,
    IReadOnlyList<string> Headers,
    int Clients,
    int Streams,
    int Threads)
{
    /// <summary>h2load's arguments for a time-boxed run writing one line per request to <paramref name="logFile"/>.</summary>
    public IReadOnlyList<string> TimedArguments(int durationSeconds, int warmupSeconds, string logFile) =>
        [.. CommonArguments(), $"--duration={durationSeconds}", $"--warm-up-time={warmupSeconds}", $"--log-file={logFile}", Url.ToString()];

    /// <summary>h2load's arguments for exactly <paramref name="requests"/> requests.</summary>
    public IReadOnlyList<string> CountedArguments(int requests, string logFile) =>
        [.. CommonArguments(), $"--requests={requests}", $"--log-file={logFile}", Url.ToString()];

    private IEnumerable<string> CommonArguments()
    {
        yield return $"--clients={Clients}";
        yield return $"--max-concurrent-streams={Streams}";
        yield return $"--threads={Threads}";
        yield return $"--data={RequestBodyFile}";
        foreach (var header in Headers)
        {
            yield return $"--header={header}";
        }
    }
}
