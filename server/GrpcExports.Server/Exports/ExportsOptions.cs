namespace GrpcExports.Server.Exports;

/// <summary>The "Exports" configuration section.</summary>
internal sealed class ExportsOptions
{
    public const string SectionName = "Exports";

    /// <summary>
    /// Renders this instance runs at once. Default 1: one render already keeps two cores busy (the compositor spreads
    /// each frame over every core and ffmpeg's encoder is multi-threaded), so a second one on a 2-core machine only
    /// makes both slower and doubles the frame memory. 0 makes an instance that serves the API but renders nothing.
    /// </summary>
    public int Workers { get; set; } = 1;

    /// <summary>Renders started per export before a job whose workers keep dying fails with RENDER_RETRIES_EXHAUSTED. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How long a worker's claim on a job holds without renewal; it renews every third of it. Default 30 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks for work it was not told about (expired leases, missed notifications). Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Active (queued or rendering) exports one user may have. Default 2.</summary>
    public int MaxActivePerUser { get; set; } = 2;

    /// <summary>Where finished files go. Default: <c>exports</c> under the data directory (Database:DataDirectory).</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>Where documents' assets are looked up (by remoteKey or filename). Default: <c>media</c> under the data directory.</summary>
    public string? MediaDirectory { get; set; }
}
