using System.Diagnostics;
using Benchmarks.Charts;
using Benchmarks.CommandLine;
using Benchmarks.Diagnostics;
using Benchmarks.Reporting;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Encoder;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Export;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using GrpcExports.Rendering.Video;

namespace Benchmarks.Render;

/// <summary>
/// <c>Benchmarks render</c>: our export of the <see cref="ReferenceComposition"/> against the hand-written ffmpeg
/// command for the same picture and against ffmpeg encoding a synthetic source of the same length, with the same
/// encoder settings, in interleaved rounds, in wall time and in CPU time; beside it the same export with the composed
/// RGBA frames handed to the encoder as they are (before the renderer converted them to yuv420p itself); and the
/// compositor alone in frames per second.
/// </summary>
public sealed class RenderCommand : IBenchmarkCommand
{
    /// <summary>Issue 4's aims: no slower than the hand-written command, within 1.3x of the encoder alone, 250 fps compositing.</summary>
    private const double HandWrittenAim = 1.0;
    private const double EncoderAim = 1.3;
    private const double CompositorAimFps = 250;

    public string Name => "render";

    public string Summary => "export of a 1080p30 reference composition vs the hand-written ffmpeg command and the bare encoder";

    public string OptionsHelp =>
        """
          --rounds N          interleaved rounds; each runs all four (default 3)
          --quality NAME      draft, standard or high: the encoder settings all four use (default standard)
        """ + "\n" + ChartFile.OptionHelp;

    public async Task<int> RunAsync(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var rounds = arguments.GetInt32("rounds", 3, max: 50);
        var qualityName = arguments.GetString("quality", "standard");
        var chartPath = arguments.GetOptionalString("chart");
        arguments.RejectUnread();
        if (!Enum.TryParse<ExportQuality>(qualityName, ignoreCase: true, out var quality) || !Enum.IsDefined(quality))
        {
            throw new UsageException($"--quality must be draft, standard or high, not '{qualityName}'.");
        }
        var tools = MediaTools.Default;
        var directory = Directory.CreateTempSubdirectory("grpcexports-render-bench-").FullName;
        try
        {
            var composition = new ReferenceComposition(directory);
            await composition.CreateMediaAsync(tools, cancellationToken);
            var timeline = EditorStateReader.Parse(ReferenceComposition.EditorStateJson);
            var assets = new MediaDirectoryAssetResolver(directory);
            var options = new ExportOptions
            {
                Quality = quality,
                Watermark = new Watermark(composition.WatermarkImage, 0.9, 0.9, 0.5),
            };
            Console.WriteLine($"render: 1920x1080, {ReferenceComposition.Fps} fps, {ReferenceComposition.Seconds} s " +
                $"({ReferenceComposition.Frames} frames); two 720p clips with a fade, moving logo fading in, watermark, mixed sound; " +
                $"x264/AAC {quality}; {Environment.ProcessorCount} cores; {rounds} rounds");
            Console.WriteLine();

            var compositing = await MeasureCompositorAsync(timeline, assets, options, tools, cancellationToken);
            Console.WriteLine($"compositor alone: {compositing.CompositorFps:0} fps (aim >= {CompositorAimFps:0}); " +
                $"decoding + composing without encoding: {compositing.PassFps:0} fps");
            Console.WriteLine();

            var renderer = new ExportRenderer(tools);
            var rgbaRenderer = new ExportRenderer(tools) { EncoderInput = EncoderInput.Rgba };
            var runs = new (string Name, Func<string, Task> Run)[]
            {
                (Ours, output => renderer.RenderAsync(timeline, options, assets, output, cancellationToken: cancellationToken)),
                (OursRgba, output => rgbaRenderer.RenderAsync(timeline, options, assets, output, cancellationToken: cancellationToken)),
                (HandWritten, output => ToolProcess.RunAsync(tools.Ffmpeg, composition.HandWrittenArguments(quality, output), cancellationToken: cancellationToken)),
                (Synthetic, output => ToolProcess.RunAsync(tools.Ffmpeg, ReferenceComposition.SyntheticArguments(quality, output), cancellationToken: cancellationToken)),
            };
            var seconds = runs.ToDictionary(r => r.Name, _ => new List<double>());
            var cpuSeconds = runs.ToDictionary(r => r.Name, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                var order = round % 2 == 0 ? runs : [.. runs.Reverse()];
                var line = new List<string>();
                foreach (var (name, run) in order)
                {
                    var output = Path.Combine(directory, $"out-{round}-{seconds.Keys.ToList().IndexOf(name)}.mp4");
                    var cpuBefore = ProcessTreeCpu.Now();
                    var watch = Stopwatch.StartNew();
                    await run(output);
                    seconds[name].Add(watch.Elapsed.TotalSeconds);
                    cpuSeconds[name].Add((ProcessTreeCpu.Now() - cpuBefore).TotalSeconds);
                    line.Add($"{name} {watch.Elapsed.TotalSeconds:0.00} s ({cpuSeconds[name][^1]:0.00} s CPU)");
                    File.Delete(output);
                }
                Console.WriteLine($"round {round + 1}: {string.Join(", ", line)}");
            }
            Console.WriteLine();
            Report("wall", seconds);
            Report("CPU (process and children)", cpuSeconds);
            await ChartFile.WriteIfAskedAsync(chartPath, () => RatioChart(cpuSeconds, seconds, quality), Console.Out, cancellationToken);
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private const string Ours = "ours";
    private const string OursRgba = "ours, RGBA to the encoder (before)";
    private const string HandWritten = "hand-written ffmpeg";
    private const string Synthetic = "ffmpeg synthetic source";

    private static void Report(string measure, Dictionary<string, List<double>> seconds)
    {
        var ours = Median.Of(seconds[Ours]);
        var before = Median.Of(seconds[OursRgba]);
        var hand = Median.Of(seconds[HandWritten]);
        var synthetic = Median.Of(seconds[Synthetic]);
        Console.WriteLine($"{measure} medians: ours {ours:0.00} s, before (RGBA to the encoder) {before:0.00} s, hand-written {hand:0.00} s, synthetic {synthetic:0.00} s");
        Console.WriteLine($"  ours / before:       {Units.Ratio(ours / before)}");
        Console.WriteLine($"  ours / hand-written: {Units.Ratio(ours / hand)} (aim <= {HandWrittenAim:0.0}x); before / hand-written {Units.Ratio(before / hand)}");
        Console.WriteLine($"  ours / synthetic:    {Units.Ratio(ours / synthetic)} (aim <= {EncoderAim:0.0}x); before / synthetic {Units.Ratio(before / synthetic)}");
    }

    private static BarChart RatioChart(Dictionary<string, List<double>> cpuSeconds, Dictionary<string, List<double>> wallSeconds, ExportQuality quality)
    {
        static BarGroup Ratios(string label, Dictionary<string, List<double>> seconds) => new(label,
        [
            Median.Of(seconds[Ours]) / Median.Of(seconds[HandWritten]),
            Median.Of(seconds[OursRgba]) / Median.Of(seconds[HandWritten]),
            Median.Of(seconds[Ours]) / Median.Of(seconds[Synthetic]),
        ]);
        return new BarChart($"Reference composition (1080p30, 10 s), x264 {quality.ToString().ToLowerInvariant()}: time ratios",
            "ratio (median of rounds; below 1: faster than the baseline)",
            ["ours / hand-written", "before / hand-written", "ours / synthetic source"],
            [Ratios("CPU time", cpuSeconds), Ratios("wall time", wallSeconds)],
            HandWrittenAim, $"aim vs hand-written: <= {HandWrittenAim:0.0}x");
    }

    /// <summary>Every frame decoded and composed as an export does, without the encoder; the compositor's own time apart.</summary>
    private static async Task<(double CompositorFps, double PassFps)> MeasureCompositorAsync(EditorTimeline timeline,
        IAssetResolver assets, ExportOptions options, MediaTools tools, CancellationToken cancellationToken)
    {
        var rate = options.Rate;
        var (width, height) = OutputSize.Of(timeline.CompositionWidth, timeline.CompositionHeight, options);
        var viewport = Viewport.Fit(timeline.CompositionWidth, timeline.CompositionHeight, width, height, options.LetterboxColor);
        var magick = new ImageMagickRaster(tools);
        var watermark = await WatermarkLayer.PrepareAsync(options.Watermark!, magick, tools, viewport, cancellationToken);
        var evaluator = new FrameEvaluator(timeline, rate);
        using var videos = new VideoLayerSources(timeline, assets, tools, rate, cancellationToken);
        var composer = new FrameComposer(viewport, [.. MediaLayerSources.For(timeline, assets, magick), videos]);
        var compositor = new Compositor();
        var frame = new FrameBuffer(width, height);
        var compositing = new Stopwatch();
        var pass = Stopwatch.StartNew();
        for (var index = 0L; index < evaluator.FrameCount; index++)
        {
            var composed = composer.Compose(evaluator.Evaluate(index), timeline);
            compositing.Start();
            compositor.Render(frame, [.. composed.Commands, watermark]);
            compositing.Stop();
            videos.ReleaseUnused();
        }
        return (evaluator.FrameCount / compositing.Elapsed.TotalSeconds, evaluator.FrameCount / pass.Elapsed.TotalSeconds);
    }
}
