namespace GrpcExports.PowerShell.Output;

/// <summary>An export as Start-GxExport, Get-GxExport, Wait-GxExport and Stop-GxExport return it.</summary>
public sealed class GxExport
{
    internal GxExport(string id, string status, GxExportProgress progress, string projectId, long projectVersion, string folder, string name,
        string clientTaskId, GxExportOptions options, DateTime? createTime, DateTime? startTime, DateTime? finishTime, double durationSeconds,
        GxExportOutput? output, string? errorReason, string? errorMessage, IReadOnlyList<string> skippedItemIds, int attempt)
    {
        Id = id;
        Status = status;
        Progress = progress;
        ProjectId = projectId;
        ProjectVersion = projectVersion;
        Folder = folder;
        Name = name;
        ClientTaskId = clientTaskId;
        Options = options;
        CreateTime = createTime;
        StartTime = startTime;
        FinishTime = finishTime;
        DurationSeconds = durationSeconds;
        Output = output;
        ErrorReason = errorReason;
        ErrorMessage = errorMessage;
        SkippedItemIds = skippedItemIds;
        Attempt = attempt;
    }

    public string Id { get; }

    /// <summary>Queued, Rendering, Succeeded, Failed or Cancelled.</summary>
    public string Status { get; }

    /// <summary>True once the export is Succeeded, Failed or Cancelled: it changes no more.</summary>
    public bool IsFinished => Status is "Succeeded" or "Failed" or "Cancelled";

    public GxExportProgress Progress { get; }

    /// <summary>The project rendered; empty for an export of an editor state sent along.</summary>
    public string ProjectId { get; }

    public long ProjectVersion { get; }

    public string Folder { get; }

    public string Name { get; }

    public string ClientTaskId { get; }

    /// <summary>The options it renders with, defaults filled in; pipe the export to Start-GxExport to render again with them.</summary>
    public GxExportOptions Options { get; }

    public DateTime? CreateTime { get; }

    public DateTime? StartTime { get; }

    public DateTime? FinishTime { get; }

    /// <summary>The length of the video.</summary>
    public double DurationSeconds { get; }

    /// <summary>The finished file; null unless Succeeded.</summary>
    public GxExportOutput? Output { get; }

    /// <summary>Why it failed (RENDER_FAILED, MEDIA_UNREADABLE, ...); null unless Failed.</summary>
    public string? ErrorReason { get; }

    public string? ErrorMessage { get; }

    public IReadOnlyList<string> SkippedItemIds { get; }

    public int Attempt { get; }
}

/// <summary>Where a render is: percent, stage (PreparingAssets, Rendering, Encoding, Finalising), frames and speed.</summary>
public sealed record GxExportProgress(double Percent, string Stage, long FramesDone, long FramesTotal, double RenderFps, double? SecondsRemaining);

/// <summary>The finished file of a succeeded export.</summary>
public sealed record GxExportOutput(string FileName, long SizeBytes, string Sha256, string ContentType, int Width, int Height, double Fps,
    double DurationSeconds, bool HasAudio, string? DownloadUrl);
