namespace GrpcExports.Server.Exports.Webhooks;

/// <summary>The "Exports:Webhooks" configuration section.</summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "Exports:Webhooks";

    /// <summary>
    /// Host names (as written in the URL, IP literals included) that may be delivered to even though they resolve to
    /// loopback, link-local, private or unspecified addresses. Empty by default: only public addresses are reached.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How long one attempt waits for the receiver's answer. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; each later wait is three times the one before, with ±20 % jitter. Default 10 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between attempts. Default 1 h.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts per event before it is abandoned. Default 28: with the default delays, about 22 hours of retries.</summary>
    public int MaxAttempts { get; set; } = 28;

    /// <summary>How often an idle sender looks for due events. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries this instance makes at once. Default 4.</summary>
    public int Senders { get; set; } = 4;

    /// <summary>What makes these settings unusable, or null.</summary>
    public string? Problem() =>
        Timeout <= TimeSpan.Zero ? $"{SectionName}:Timeout must be a positive time span such as 00:00:10, not {Timeout}."
        : FirstRetryDelay < TimeSpan.Zero ? $"{SectionName}:FirstRetryDelay must not be negative, not {FirstRetryDelay}."
        : MaxRetryDelay < FirstRetryDelay ? $"{SectionName}:MaxRetryDelay ({MaxRetryDelay}) must be at least FirstRetryDelay ({FirstRetryDelay})."
        : MaxAttempts < 1 ? $"{SectionName}:MaxAttempts must be 1 or more, not {MaxAttempts}."
        : PollInterval <= TimeSpan.Zero ? $"{SectionName}:PollInterval must be a positive time span such as 00:00:01, not {PollInterval}."
        : Senders < 0 ? $"{SectionName}:Senders must be 0 or more, not {Senders}."
        : null;
}
