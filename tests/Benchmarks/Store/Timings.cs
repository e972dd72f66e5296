using System.Diagnostics;

namespace Benchmarks.Store;

/// <summary>Latencies, in microseconds, of operations run at a steady pace or back to back.</summary>
public static class Timings
{
    /// <summary>
    /// Runs <paramref name="operation"/> on what <paramref name="prepare"/> made for steps 1..count (the preparation is
    /// not timed), starting step N at (N - 1) / rate seconds after the first: a slow step delays the next one's start,
    /// not the schedule. Returns each step's latency and the pace reached (below the asked one when steps overran).
    /// </summary>
    public static async Task<(List<double> Latencies, double PerSecond)> PacedAsync<T>(int count, int perSecond, Func<int, T> prepare, Func<T, Task> operation,
        CancellationToken cancellationToken)
    {
        var latencies = new List<double>(count);
        var schedule = Stopwatch.StartNew();
        for (var step = 1; step <= count; step++)
        {
            var due = TimeSpan.FromSeconds((step - 1) / (double)perSecond) - schedule.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }
            var input = prepare(step);
            latencies.Add(await TimeAsync(() => operation(input)));
        }
        return (latencies, count / schedule.Elapsed.TotalSeconds);
    }

    public static async Task<List<double>> BackToBackAsync(int count, Func<Task> operation)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            latencies.Add(await TimeAsync(operation));
        }
        return latencies;
    }

    private static async Task<double> TimeAsync(Func<Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        await operation();
        return Stopwatch.GetElapsedTime(started).TotalMicroseconds;
    }
}
