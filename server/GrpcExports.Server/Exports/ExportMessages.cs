using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.Jobs;

namespace GrpcExports.Server.Exports;

/// <summary>export_jobs rows as the contract's Export message.</summary>
internal static class ExportMessages
{
    public static Export ToExport(ExportJob job)
    {
        var export = new Export
        {
            Id = job.ExportId.ToString(),
            Status = job.Status,
            Progress = ToProgress(job.Progress),
            ProjectId = job.ProjectId?.ToString() ?? "",
            ProjectVersion = job.ProjectVersion,
            FolderId = job.FolderId,
            Name = job.Name,
            OwnerId = job.OwnerId,
            ClientTaskId = job.ClientTaskId,
            Options = job.Options,
            WebhookUrl = job.WebhookUrl,
            CreateTime = Timestamp.FromDateTimeOffset(job.CreatedAt),
            StartTime = job.StartedAt is { } started ? Timestamp.FromDateTimeOffset(started) : null,
            FinishTime = job.FinishedAt is { } finished ? Timestamp.FromDateTimeOffset(finished) : null,
            DurationSeconds = job.DurationSeconds,
            SkippedItemIds = { job.SkippedItemIds },
            Attempt = job.Attempts,
        };
        if (job.Status == ExportStatus.Succeeded && job.Output is { } output)
        {
            export.Output = new ExportOutput
            {
                SizeBytes = output.SizeBytes,
                Sha256 = output.Sha256,
                ContentType = ContentType(job.Options.Format),
                FileName = FileName(job),
                Width = output.Width,
                Height = output.Height,
                Fps = job.Options.Fps,
                DurationSeconds = job.Progress.FramesTotal / (double)job.Options.Fps,
                HasAudio = output.HasAudio,
            };
        }
        if (job.Status == ExportStatus.Failed && job.ErrorReason is { } reason)
        {
            export.Error = new ExportError { Reason = reason, Message = job.ErrorMessage ?? "" };
            if (reason == ErrorReason.RenderRetriesExhausted)
            {
                export.Error.Metadata["attempts"] = job.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return export;
    }

    public static string ContentType(ExportFormat format) => format == ExportFormat.Webm ? "video/webm" : "video/mp4";

    public static string Extension(ExportFormat format) => format == ExportFormat.Webm ? ".webm" : ".mp4";

    private static ExportProgress ToProgress(ExportJobProgress progress) => new()
    {
        Percent = progress.Percent,
        Stage = progress.Stage,
        FramesDone = progress.FramesDone,
        FramesTotal = progress.FramesTotal,
        RenderFps = progress.RenderFps,
        EstimatedTimeRemaining = progress.EstimatedTimeLeft is { } left ? Duration.FromTimeSpan(left) : null,
        UpdateTime = progress.UpdatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };

    /// <summary>The export's name made safe as a file name (or its id when nothing is left), with the format's extension.</summary>
    private static string FileName(ExportJob job)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(job.Name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().Trim('.');
        return (safe.Length == 0 ? job.ExportId.ToString() : safe) + Extension(job.Options.Format);
    }
}
