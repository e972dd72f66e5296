using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Exports.Jobs;

/// <summary>One row of export_jobs (Database/Migrations/0004_export_jobs.sql), without the editor state it renders.</summary>
internal sealed record ExportJob
{
    public required Guid ExportId { get; init; }

    public required string OwnerId { get; init; }

    public required ExportStatus Status { get; init; }

    public required string Name { get; init; }

    /// <summary>The project form's project; null for a stateless export.</summary>
    public Guid? ProjectId { get; init; }

    public long ProjectVersion { get; init; }

    public string FolderId { get; init; } = "";

    /// <summary>The options with defaults filled in.</summary>
    public required ExportOptions Options { get; init; }

    public string ClientTaskId { get; init; } = "";

    public string WebhookUrl { get; init; } = "";

    public double DurationSeconds { get; init; }

    public ExportJobProgress Progress { get; init; } = ExportJobProgress.None;

    public string? LeaseOwner { get; init; }

    public int Attempts { get; init; }

    public ExportJobOutput? Output { get; init; }

    public IReadOnlyList<string> SkippedItemIds { get; init; } = [];

    public ErrorReason? ErrorReason { get; init; }

    public string? ErrorMessage { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public bool IsTerminal => ExportStatuses.IsTerminal(Status);
}

/// <summary>A render's progress as a checkpoint holds it; <see cref="UpdatedAt"/> null before the first.</summary>
internal sealed record ExportJobProgress(double Percent, ExportStage Stage, long FramesDone, long FramesTotal, double RenderFps,
    TimeSpan? EstimatedTimeLeft, DateTimeOffset? UpdatedAt)
{
    public static readonly ExportJobProgress None = new(0, ExportStage.Unspecified, 0, 0, 0, null, null);
}

/// <summary>The finished file of a succeeded export: where it is on this server's disk and what it holds.</summary>
internal sealed record ExportJobOutput(string Path, long SizeBytes, string Sha256, int Width, int Height, bool HasAudio);
