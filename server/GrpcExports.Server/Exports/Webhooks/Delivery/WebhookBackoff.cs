namespace GrpcExports.Server.Exports.Webhooks.Delivery;

/// <summary>
/// The wait after a failed attempt: <see cref="WebhookOptions.FirstRetryDelay"/> times 3 per earlier failure, capped at
/// <see cref="WebhookOptions.MaxRetryDelay"/>, scaled by a random factor of 0.8..1.2 so that events that failed
/// together (a receiver that was down) do not all come back at the same moment.
/// </summary>
internal static class WebhookBackoff
{
    public static TimeSpan After(int failedAttempts, WebhookOptions options, Random random)
    {
        var exponential = options.FirstRetryDelay.TotalMilliseconds * Math.Pow(3, Math.Max(0, failedAttempts - 1));
        var jittered = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds) * (0.8 + 0.4 * random.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxRetryDelay.TotalMilliseconds));
    }
}
