using System.Security.Cryptography;
using GrpcExports.Protocol.V1;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Encoder;
using GrpcExports.Rendering.Export;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using GrpcExports.Server.Assets.Resolving;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Exports.Requests;
using GrpcExports.Server.Exports.Watching;
using GrpcExports.Server.Projects.Storage;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports.Workers;

/// <summary>
/// Renders one claimed job while renewing its lease, and records how it ended. The render stops when the export is
/// cancelled, when the lease turns out to be lost (another worker took the job over), or when the server shuts down;
/// in that last case the job goes back to the queue. The output is written as <c>&lt;export id&gt;.mp4|webm</c> in the
/// output directory; a render that does not succeed leaves no file (the renderer removes its partial files).
/// </summary>
internal sealed class ExportJobRunner(ExportJobQueue queue, ProjectStore projects, ExportChangeHub hub, RunningRenders renders,
    ExportDirectories directories, DocumentAssets documentAssets, MediaTools tools, IOptions<ExportsOptions> options,
    ILogger<ExportJobRunner> logger)
{
    private readonly TimeSpan _lease = options.Value.LeaseDuration;

    public async Task RunAsync(ClaimedJob claimed, string workerId, CancellationToken stopping)
    {
        var job = claimed.Job;
        using var registration = renders.Register(job.ExportId);
        using var leaseLost = new CancellationTokenSource();
        using var render = CancellationTokenSource.CreateLinkedTokenSource(stopping, registration.Cancelled, leaseLost.Token);
        using var renewal = new CancellationTokenSource();
        var renewing = RenewLeaseAsync(job.ExportId, workerId, leaseLost, renewal.Token);
        var progress = new RenderProgressSink(job, workerId, queue, hub, () => CancelQuietly(leaseLost), logger);
        var outputPath = OutputPath(job);
        var scratch = directories.Scratch(job.ExportId);
        try
        {
            var (timeline, renderOptions) = await PrepareAsync(claimed, render.Token);
            Directory.CreateDirectory(directories.Output);
            RemoveEarlierAttempts(job);
            Directory.CreateDirectory(scratch);
            var assets = await documentAssets.ResolverAsync(timeline, job.OwnerId, render.Token);
            var result = await new ExportRenderer(tools, scratchRoot: scratch).RenderAsync(timeline, renderOptions, assets, outputPath, progress,
                render.Token);
            await progress.FlushAsync();
            var output = new ExportJobOutput(outputPath, new FileInfo(outputPath).Length, await Sha256Async(outputPath, render.Token),
                result.Width, result.Height, result.HasAudio);
            var skipped = job.SkippedItemIds.Union(result.Skipped, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (!await queue.SucceedAsync(job.ExportId, workerId, output, skipped, CancellationToken.None))
            {
                File.Delete(outputPath);
            }
        }
        catch (OperationCanceledException) when (render.IsCancellationRequested)
        {
            File.Delete(outputPath);
            await progress.FlushAsync();
            if (stopping.IsCancellationRequested && !registration.Cancelled.IsCancellationRequested && !leaseLost.IsCancellationRequested)
            {
                await queue.ReleaseAsync(job.ExportId, workerId, CancellationToken.None);
            }
        }
        catch (ExportFailure failure)
        {
            await FailAsync(failure.Reason, failure.Message);
        }
        catch (Exception error) when (OutputDiskFull.Caused(error))
        {
            logger.LogWarning(error, "Export {ExportId} ran out of space in {OutputDirectory}.", job.ExportId, directories.Output);
            await FailAsync(ErrorReason.OutputDiskFull, OutputDiskFull.Message);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Export {ExportId} failed to render.", job.ExportId);
            await FailAsync(TimedOutTool(error) is null ? ErrorReason.RenderFailed : ErrorReason.RenderTimeout, Describe(error));
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        async Task FailAsync(ErrorReason reason, string message)
        {
            File.Delete(outputPath);
            await progress.FlushAsync();
            await queue.FailAsync(job.ExportId, workerId, reason, message, CancellationToken.None);
        }
    }

    /// <summary>
    /// Removes what an earlier attempt left when its server was killed mid-render: the renderer's partial output
    /// (<c>.&lt;file name&gt;.&lt;id&gt;.partial</c> beside the output) and the export's scratch folder. A worker that lost its
    /// lease but still runs loses these too; its result would be discarded anyway.
    /// </summary>
    public void RemoveEarlierAttempts(ExportJob job)
    {
        var outputPath = OutputPath(job);
        if (Directory.Exists(directories.Output))
        {
            foreach (var partial in Directory.EnumerateFiles(directories.Output, $".{Path.GetFileName(outputPath)}.*.partial"))
            {
                File.Delete(partial);
            }
        }
        if (Directory.Exists(directories.Scratch(job.ExportId)))
        {
            Directory.Delete(directories.Scratch(job.ExportId), recursive: true);
        }
    }

    private string OutputPath(ExportJob job) => Path.Combine(directories.Output, job.ExportId + ExportMessages.Extension(job.Options.Format));

    /// <summary>The timeline to render (the stored document, or the project at its version) and the renderer's options.</summary>
    private async Task<(EditorTimeline, Rendering.Export.ExportOptions)> PrepareAsync(ClaimedJob claimed, CancellationToken cancellationToken)
    {
        var job = claimed.Job;
        var json = claimed.EditorStateJson;
        if (job.ProjectId is { } projectId)
        {
            var latest = await projects.GetLatestAsync(projectId, job.OwnerId, includeState: false, cancellationToken)
                ?? throw new ExportFailure(ErrorReason.ProjectNotFound, "The project was deleted before the export could render it.");
            json = (await projects.GetAtVersionAsync(latest, job.ProjectVersion, includeState: true, cancellationToken)).EditorStateJson;
        }
        var (renderOptions, violations) = RenderOptionsMapping.ToRenderOptions(job.Options, directories.Media);
        if (renderOptions is null)
        {
            throw new ExportFailure(ErrorReason.RenderFailed,
                $"The export's options can no longer be used: {string.Join(" ", violations.Select(v => $"{v.Field}: {v.Description}"))}");
        }
        return (EditorStateReader.Parse(json!), renderOptions);
    }

    /// <summary>Renews the lease every third of its length; when the job is no longer this worker's, stops the render.</summary>
    private async Task RenewLeaseAsync(Guid exportId, string workerId, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        var interval = _lease / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stop);
                if (!await queue.RenewAsync(exportId, workerId, _lease, stop))
                {
                    CancelQuietly(leaseLost);
                    return;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The database may be back before the lease runs out; if not, another worker takes the job over.
                logger.LogWarning(error, "Renewing the lease of export {ExportId} failed.", exportId);
            }
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The render has ended already.
        }
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    /// <summary>The tool run that outlived its time bound, when that is why the render failed.</summary>
    private static MediaToolTimedOutException? TimedOutTool(Exception? error) => error switch
    {
        null => null,
        MediaToolTimedOutException timedOut => timedOut,
        AggregateException aggregate => aggregate.InnerExceptions.Select(TimedOutTool).FirstOrDefault(found => found is not null),
        _ => TimedOutTool(error.InnerException),
    };

    /// <summary>What went wrong, for people, without server paths: the step that failed.</summary>
    private static string Describe(Exception error) => error switch
    {
        _ when TimedOutTool(error) is { } timedOut => $"A render step ran past its time bound: {timedOut.Message}.",
        AssetUnavailableException asset => $"Asset '{asset.AssetId}' could not be read.",
        EncoderFailedException => "The video encoder (ffmpeg) failed.",
        EditorStateFormatException format => $"The editor state could not be rendered at {format.Path}.",
        _ => "The renderer failed; the server log has the details.",
    };
}

/// <summary>An export that cannot render for a reason its owner can act on.</summary>
internal sealed class ExportFailure(ErrorReason reason, string message) : Exception(message)
{
    public ErrorReason Reason { get; } = reason;
}
