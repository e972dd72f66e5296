namespace GrpcExports.Client;

/// <summary>
/// Retries of idempotent calls that fail with UNAVAILABLE (which includes connection failures before any response
/// arrived). Only calls with a single request message (unary and server streaming) are retried, a server stream
/// only until its first message has been delivered, and never past the call's deadline. When the server's status
/// carries a google.rpc.RetryInfo, its retry_delay replaces the computed backoff.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Four attempts, backoff from 250 ms doubling up to 5 s, with ±20% jitter.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>One attempt: nothing is retried.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>The number of attempts including the first; 1 disables retries.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The backoff before the first retry.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The largest backoff between two attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The factor the backoff grows by after each retry.</summary>
    public double BackoffMultiplier { get; init; } = 2.0;

    /// <summary>
    /// The fraction (0 to 1) by which each backoff is randomly shortened or lengthened, so that many clients
    /// failing together do not retry in lockstep.
    /// </summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>The backoff before retry number <paramref name="retryNumber"/> (1 for the first retry), with jitter.</summary>
    public TimeSpan GetBackoff(int retryNumber) => GetBackoff(retryNumber, Random.Shared.NextDouble());

    /// <param name="retryNumber">1 for the first retry.</param>
    /// <param name="random">A uniform sample in [0, 1) that picks the jitter.</param>
    internal TimeSpan GetBackoff(int retryNumber, double random)
    {
        var exponential = InitialBackoff.TotalMilliseconds * Math.Pow(BackoffMultiplier, Math.Max(0, retryNumber - 1));
        var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
        var jittered = capped * (1 + Jitter * (2 * random - 1));
        return TimeSpan.FromMilliseconds(Math.Clamp(jittered, 0, MaxBackoff.TotalMilliseconds));
    }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        }
        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "Backoffs must be 0 <= initial <= max.");
        }
        if (BackoffMultiplier < 1 || double.IsNaN(BackoffMultiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffMultiplier), BackoffMultiplier, "The multiplier must be at least 1.");
        }
        if (Jitter is < 0 or > 1 || double.IsNaN(Jitter))
        {
            throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, "Jitter is a fraction from 0 to 1.");
        }
    }
}
