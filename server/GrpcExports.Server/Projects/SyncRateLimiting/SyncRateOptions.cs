namespace GrpcExports.Server.Projects.SyncRateLimiting;

/// <summary>
/// The "Projects:SyncRate" configuration section: a token bucket per project for SyncProject. A project may sync
/// <see cref="Burst"/> times at once, then <see cref="RatePerSecond"/> times a second. The defaults are well above
/// what an autosaving editor sends (a sync every second or so, several a second at most while dragging), so they
/// stop only runaway clients.
/// </summary>
internal sealed class SyncRateOptions
{
    public const string SectionName = "Projects:SyncRate";

    /// <summary>Syncs allowed back to back before the rate applies; the bucket's size. Default 30.</summary>
    public int Burst { get; set; } = 30;

    /// <summary>Syncs a second a project may keep up for ever; the bucket's refill rate. Default 10.</summary>
    public double RatePerSecond { get; set; } = 10;

    /// <summary>Why the options cannot be used, or null when they can.</summary>
    public string? Problem() =>
        Burst < 1 ? $"{SectionName}:Burst must be 1 or more, not {Burst}."
        : !(RatePerSecond > 0) || double.IsInfinity(RatePerSecond) ? $"{SectionName}:RatePerSecond must be a number above 0, not {RatePerSecond}."
        : null;
}
