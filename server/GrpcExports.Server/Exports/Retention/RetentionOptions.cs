namespace GrpcExports.Server.Exports.Retention;

/// <summary>The retention settings of the "Exports" configuration section.</summary>
internal sealed class RetentionOptions
{
    /// <summary>
    /// How long a succeeded export's file is kept after it finished; then the sweep removes it and marks the output
    /// expired (the export stays, downloads answer EXPORT_OUTPUT_EXPIRED). Default 30 days; zero keeps files forever.
    /// </summary>
    public TimeSpan OutputRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the sweep runs (at start-up too). Default 10 minutes.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>What makes these settings unusable, or null.</summary>
    public string? Problem() =>
        OutputRetention < TimeSpan.Zero
            ? $"{ExportsOptions.SectionName}:OutputRetention must be zero (keep forever) or a positive time span such as 30.00:00:00, not {OutputRetention}."
        : RetentionSweepInterval <= TimeSpan.Zero
            ? $"{ExportsOptions.SectionName}:RetentionSweepInterval must be a positive time span such as 00:10:00, not {RetentionSweepInterval}."
        : null;
}
