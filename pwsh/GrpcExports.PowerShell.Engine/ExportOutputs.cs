using GrpcExports.PowerShell.Output;
using GrpcExports.Protocol.V1;

namespace GrpcExports.PowerShell.Engine;

/// <summary>ExportService's messages as the module's output objects.</summary>
internal static class ExportOutputs
{
    public static GxExport Export(Export export) => new(
        export.Id,
        export.Status.ToString(),
        Progress(export.Progress),
        export.ProjectId,
        export.ProjectVersion,
        export.FolderId,
        export.Name,
        export.ClientTaskId,
        ExportOptionsMessages.ToOutput(export.Options ?? new ExportOptions()),
        ProjectOutputs.Time(export.CreateTime),
        ProjectOutputs.Time(export.StartTime),
        ProjectOutputs.Time(export.FinishTime),
        export.DurationSeconds,
        export.Output is { } output
            ? new GxExportOutput(output.FileName, output.SizeBytes, output.Sha256, output.ContentType, output.Width, output.Height, output.Fps,
                output.DurationSeconds, output.HasAudio, string.IsNullOrEmpty(output.DownloadUrl) ? null : output.DownloadUrl)
            : null,
        export.Error is { } error ? ProtoNames.UpperSnake(error.Reason.ToString()) : null,
        export.Error?.Message,
        export.SkippedItemIds.ToArray(),
        export.Attempt);

    private static GxExportProgress Progress(ExportProgress? progress) => progress is null
        ? new GxExportProgress(0, "", 0, 0, 0, null)
        : new GxExportProgress(
            progress.Percent,
            progress.Stage == ExportStage.Unspecified ? "" : progress.Stage.ToString(),
            progress.FramesDone,
            progress.FramesTotal,
            progress.RenderFps,
            progress.EstimatedTimeRemaining?.ToTimeSpan().TotalSeconds);
}
