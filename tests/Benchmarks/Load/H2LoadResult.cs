namespace Benchmarks.Load;

/// <summary>What one h2load run measured: its summary and the percentiles and statuses from its request log.</summary>
public sealed record H2LoadResult(H2LoadSummary Summary, RequestLog Log)
{
    /// <summary>Why this run does not count as a success, or null when every request succeeded with a 200.</summary>
    public string? Failure =>
        !Summary.AllSucceeded
            ? $"{Summary.Succeeded} of {Summary.Total} requests succeeded ({Summary.Failed} failed, {Summary.Errored} errored, "
              + $"{Summary.TimedOut} timed out, {Summary.StatusOther} not 2xx)"
            : Log.Requests != Summary.Total
                ? $"h2load logged {Log.Requests} requests but counted {Summary.Total}"
                : Log.Non200 > 0
                    ? $"{Log.Non200} requests answered with an HTTP status other than 200 "
                      + $"({string.Join(", ", Log.Non200Statuses.Select(s => $"{s.Value} x {s.Key}"))})"
                    : null;
}
