namespace GrpcExports.Server.Projects.Idempotency;

/// <summary>How long `idempotency-key` records are kept (keys of the "Projects" configuration section).</summary>
internal sealed class IdempotencyRetentionOptions
{
    public const string SectionName = "Projects";

    /// <summary>
    /// A key replays its first response for at least this long after that response was recorded; the contract
    /// (project_service.proto, export_service.proto) promises 24 h. Default 1.00:00:00.
    /// </summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired records are deleted. Default 00:10:00.</summary>
    public TimeSpan IdempotencyCleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Why the options cannot be used, or null when they can.</summary>
    public string? Problem() =>
        IdempotencyRetention <= TimeSpan.Zero
            ? $"{SectionName}:IdempotencyRetention must be a positive time span such as 1.00:00:00, not {IdempotencyRetention}."
        : IdempotencyCleanupInterval <= TimeSpan.Zero
            ? $"{SectionName}:IdempotencyCleanupInterval must be a positive time span such as 00:10:00, not {IdempotencyCleanupInterval}."
        : null;
}
