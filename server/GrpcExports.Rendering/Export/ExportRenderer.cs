using System.Runtime.ExceptionServices;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Audio;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Encoder;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Text;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using GrpcExports.Rendering.Video;

namespace GrpcExports.Rendering.Export;

/// <summary>
/// Renders a timeline to an mp4 or webm file. Two stages run side by side: a compositing thread evaluates each frame,
/// asks the layer sources (stills, text, video decoders) for its layers and composites it (the compositor itself
/// spreads a frame's bands over the cores), while the writer streams the previous frames into one ffmpeg encoder.
/// They share <see cref="FramesInFlight"/> frame buffers, so memory is bounded whatever the length.
/// </summary>
/// <remarks>
/// The output is written under a hidden temporary name beside <c>outputPath</c> and moved into place only when ffmpeg
/// has finished; on failure or cancellation every child process is killed and the partial file and the scratch
/// directory (the audio mix) are deleted.
/// </remarks>
public sealed class ExportRenderer(
    MediaTools? tools = null,
    IAudioTrackSource? audio = null,
    Compositor? compositor = null,
    FontResolver? fonts = null,
    string? scratchRoot = null)
{
    /// <summary>One being composed, one queued, one being written.</summary>
    private const int FramesInFlight = 3;

    private readonly MediaTools _tools = tools ?? MediaTools.Default;
    private readonly Compositor _compositor = compositor ?? new Compositor();
    private readonly IAudioTrackSource _audio = audio ?? new TimelineAudioMix(tools ?? MediaTools.Default);
    private readonly string _scratchRoot = scratchRoot ?? Path.GetTempPath();

    /// <summary>The frames the encoder reads: yuv420p converted here, or (to measure against) the composed RGBA as it is.</summary>
    internal EncoderInput EncoderInput { get; init; } = EncoderInput.Yuv420;

    public async Task<ExportResult> RenderAsync(EditorTimeline timeline, ExportOptions options, IAssetResolver assets,
        string outputPath, IProgress<RenderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(assets);
        options.Validate();
        var (width, height) = OutputSize.Of(timeline.CompositionWidth, timeline.CompositionHeight, options);
        var output = Path.GetFullPath(outputPath);
        var outputDirectory = Path.GetDirectoryName(output)!;
        if (!Directory.Exists(outputDirectory))
        {
            throw new DirectoryNotFoundException($"The export's folder {outputDirectory} does not exist.");
        }
        var rate = options.Rate;
        var evaluator = new FrameEvaluator(timeline, rate);
        var totalFrames = evaluator.FrameCount;
        if (totalFrames == 0)
        {
            throw new InvalidOperationException("The timeline is empty: there is no frame to export.");
        }
        var viewport = Viewport.Fit(timeline.CompositionWidth, timeline.CompositionHeight, width, height, options.LetterboxColor);
        var reporter = new ProgressReporter(progress, totalFrames);
        var scratch = Directory.CreateDirectory(Path.Combine(_scratchRoot, $"grpcexports-export-{Guid.NewGuid():N}")).FullName;
        var partial = Path.Combine(outputDirectory, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.partial");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            reporter.Stage(RenderStage.PreparingAssets, 0);
            var wav = Path.Combine(scratch, "audio.wav");
            var hasAudio = await _audio.WriteMixAsync(timeline, assets, rate, totalFrames, wav, stop.Token);
            var magick = new ImageMagickRaster(_tools);
            var watermark = options.Watermark is { } mark
                ? await WatermarkLayer.PrepareAsync(mark, magick, _tools, viewport, stop.Token)
                : null;
            using var videos = new VideoLayerSources(timeline, assets, _tools, rate, stop.Token);
            var composer = new FrameComposer(viewport, [.. MediaLayerSources.For(timeline, assets, magick, fonts), videos]);
            var queue = new FrameQueue(width, height, FramesInFlight);
            // Kinds the renderer has no model for never reach a frame's plan; name them with what a frame left out.
            var skipped = new SortedSet<string>(timeline.UnmodelledItems.Select(i => i.Id), StringComparer.Ordinal);

            reporter.Stage(RenderStage.Rendering, 0);
            var compose = Task.Factory.StartNew(() =>
            {
                try
                {
                    for (var frame = 0L; frame < totalFrames; frame++)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        var composed = composer.Compose(evaluator.Evaluate(frame), timeline);
                        skipped.UnionWith(composed.Skipped);
                        var buffer = queue.Rent(stop.Token);
                        _compositor.Render(buffer, watermark is null ? composed.Commands : [.. composed.Commands, watermark]);
                        videos.ReleaseUnused();
                        queue.Publish(buffer, stop.Token);
                    }
                    queue.Complete();
                }
                catch (Exception error)
                {
                    queue.Complete(error);
                    throw;
                }
            }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var job = new EncodeJob(width, height, rate, options.Format, options.Quality, hasAudio ? wav : null, partial)
            {
                Input = EncoderInput,
                FrameCount = totalFrames,
            };
            var encode = new VideoEncoder(_tools).EncodeAsync(job, (stdin, token) => WriteFramesAsync(job, queue, stdin, reporter, token), stop.Token);
            await WhenBothAsync(compose, encode, stop, cancellationToken);

            reporter.Stage(RenderStage.Finalising, totalFrames);
            File.Move(partial, output, overwrite: true);
            return new ExportResult(output, width, height, rate, totalFrames, hasAudio, [.. skipped]);
        }
        finally
        {
            File.Delete(partial);
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task WriteFramesAsync(EncodeJob job, FrameQueue queue, Stream stdin, ProgressReporter reporter, CancellationToken token)
    {
        var yuv = job.Input == EncoderInput.Yuv420 ? new Yuv420Frame(job.Width, job.Height) : null;
        var written = 0L;
        await foreach (var buffer in queue.ReadAllAsync(token))
        {
            if (yuv is null)
            {
                // The premultiplied bytes as they are: ffmpeg drops alpha, and premultiplied colour is the frame
                // composited over black, which is what a format without transparency must show.
                await stdin.WriteAsync(buffer.ByteMemory, token);
                queue.Return(buffer);
            }
            else
            {
                yuv.Fill(buffer);
                queue.Return(buffer);
                await stdin.WriteAsync(yuv.Memory, token);
            }
            reporter.FrameDone(++written);
        }
        reporter.Stage(RenderStage.Encoding, written);
    }

    /// <summary>
    /// Waits for both stages. When one fails (or the encoder stops early) the other is cancelled, and the first real
    /// error is thrown rather than the cancellation it caused.
    /// </summary>
    private static async Task WhenBothAsync(Task compose, Task encode, CancellationTokenSource stop, CancellationToken callerToken)
    {
        var first = await Task.WhenAny(compose, encode);
        if (first.Status != TaskStatus.RanToCompletion || !compose.IsCompleted)
        {
            stop.Cancel();
        }
        try
        {
            await Task.WhenAll(compose, encode);
        }
        catch
        {
            callerToken.ThrowIfCancellationRequested();
            var cause = new[] { encode, compose }
                .Where(t => t.IsFaulted)
                .SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null)
            {
                ExceptionDispatchInfo.Throw(cause);
            }
            throw new InvalidOperationException("The ffmpeg encoder stopped before every frame was written to it.");
        }
    }
}
