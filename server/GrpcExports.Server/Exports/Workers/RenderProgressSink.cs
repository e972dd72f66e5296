using System.Diagnostics;
using GrpcExports.Protocol.V1;
using GrpcExports.Rendering.Export;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Exports.Watching;

namespace GrpcExports.Server.Exports.Workers;

/// <summary>
/// Where a render's progress reports go: every one to this instance's watchers (through the hub), and a throttled
/// checkpoint to the database, at most one per <see cref="CheckpointInterval"/> except on a stage change, which other
/// instances' watchers hear of through export_changes. A checkpoint that finds the job no longer held by this worker
/// (cancelled, taken over) calls <c>lost</c>, which stops the render.
/// </summary>
internal sealed class RenderProgressSink(ExportJob job, string workerId, ExportJobQueue queue, ExportChangeHub hub, Action lost,
    ILogger logger) : IProgress<RenderProgress>
{
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(500);

    private readonly Stopwatch _sinceCheckpoint = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private ExportStage _checkpointedStage = ExportStage.PreparingAssets;
    private Task _writing = Task.CompletedTask;

    public void Report(RenderProgress value)
    {
        var progress = ToProgress(value);
        if (hub.HasWatchers(job.ExportId))
        {
            hub.Publish(job.ExportId, ExportMessages.ToExport(job with { Progress = progress }));
        }
        lock (_lock)
        {
            var due = progress.Stage != _checkpointedStage || _sinceCheckpoint.Elapsed >= CheckpointInterval;
            if (!due || !_writing.IsCompleted)
            {
                return;
            }
            _checkpointedStage = progress.Stage;
            _sinceCheckpoint.Restart();
            _writing = WriteAsync(progress);
        }
    }

    /// <summary>Waits for the checkpoint being written, if any, so nothing writes after the job's result.</summary>
    public Task FlushAsync()
    {
        lock (_lock)
        {
            return _writing;
        }
    }

    private async Task WriteAsync(ExportJobProgress progress)
    {
        try
        {
            if (!await queue.CheckpointAsync(job.ExportId, workerId, progress, CancellationToken.None))
            {
                lost();
            }
        }
        catch (Exception error)
        {
            // A missed checkpoint costs watchers on other instances one update; the lease renewal notices a lost database.
            logger.LogWarning(error, "Writing a progress checkpoint of export {ExportId} failed.", job.ExportId);
        }
    }

    private static ExportJobProgress ToProgress(RenderProgress value) => new(
        Percent: Math.Min(99, Math.Round(value.Fraction * 100, 1)),
        Stage: value.Stage switch
        {
            RenderStage.PreparingAssets => ExportStage.PreparingAssets,
            RenderStage.Rendering => ExportStage.Rendering,
            RenderStage.Encoding => ExportStage.Encoding,
            _ => ExportStage.Finalising,
        },
        FramesDone: value.FramesDone,
        FramesTotal: value.TotalFrames,
        RenderFps: Math.Round(value.FramesPerSecond, 2),
        EstimatedTimeLeft: value.EstimatedTimeLeft,
        UpdatedAt: DateTimeOffset.UtcNow);
}
