using System.Diagnostics;
using System.Globalization;
using Benchmarks.CommandLine;
using Benchmarks.Reporting;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Timeline;

namespace Benchmarks.Render;

/// <summary>
/// <c>Benchmarks transitions</c>: what each transition, clip animation, solid shape, effect, colour filter and background
/// kind costs the compositor, in milliseconds per 1080p frame, beside a plain cut between the same two full-frame
/// pictures (1920x1080 noise, so every pixel is sampled and blended as a video frame is). Backgrounds are measured
/// behind a 9:16 composition letterboxed in the 1080p frame (where they show), beside a plain colour background.
/// </summary>
public sealed class TransitionCostCommand : IBenchmarkCommand
{
    private const int Width = 1920;
    private const int Height = 1080;

    public string Name => "transitions";

    public string Summary => "compositor cost of each transition, clip animation, shape, effect, filter and background in ms per 1080p frame";

    private static readonly string[] Filters =
        ["verdant-glow", "cyberpunk-neon", "vaporwave-blue", "sunset-orange", "lemon-cyan", "absolute-red", "sakura-pink", "twilight-dusk"];

    public string OptionsHelp =>
        """
          --frames N          frames composed per case and round (default 200)
          --rounds N          interleaved rounds; the median is reported (default 3)
        """;

    public Task<int> RunAsync(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var frames = arguments.GetInt32("frames", 200, max: 100_000);
        var rounds = arguments.GetInt32("rounds", 3, max: 50);
        arguments.RejectUnread();

        var pictures = new PictureSources(Noise(1), Noise(2));
        // A 1 s transition centred on the cut at 1 s runs over frames 15..45: frame 25 is a third of the way in (a flip's
        // midpoint would show nothing). A 1 s animation from 0 is half done at frame 15.
        var letterboxed = Viewport.Fit(Height, Width, Width, Height, new Color(0, 0, 0));
        (string Name, string Json, long Frame, ILayerSources Sources, Viewport? Viewport)[] cases =
        [
            ("cut (no transition)", Clips(transition: null), 25, pictures, null),
            .. new[] { "fade", "slide", "wipe", "flip", "clock-wipe", "iris" }
                .Select(type => ($"{type}, 1/3 in", Clips(type), 25L, (ILayerSources)pictures, (Viewport?)null)),
            ("clip animation zoom-in, 1/2 in", Clips(transition: null, animation: "zoom-in"), 15, pictures, null),
            ("solid rectangle 1000x800", Shape("rectangle"), 0, new SolidLayerSources(), null),
            ("solid star 1000x800", Shape("star"), 0, new SolidLayerSources(), null),
            ("solid triangle 1000x800", Shape("triangle"), 0, new SolidLayerSources(), null),
            .. new[] { "fade-in", "blur", "blurred-opening" }.Select(type => (
                $"effect {type}, 1/3 in", Clips(transition: null, over: Effect(type)), 25L, (ILayerSources)pictures, (Viewport?)null)),
            .. Filters.Select(type => ($"filter {type}", Clips(transition: null, over: Filter(type)), 25L, (ILayerSources)pictures, (Viewport?)null)),
            ("9:16 on colour background", Vertical("""{"type":"color","color":"#202020","gradient":null}"""), 0, pictures, letterboxed),
            ("9:16 on gradient background", Vertical(
                """{"type":"color","color":"#202020","gradient":"linear-gradient(135deg, #ff0000, #0000ff)"}"""), 0, pictures, letterboxed),
            ("9:16 on blurred background 0", Vertical("""{"type":"blur","level":0}"""), 0, pictures, letterboxed),
            ("9:16 on blurred background 4", Vertical("""{"type":"blur","level":4}"""), 0, pictures, letterboxed),
            ("9:16 on image background", Vertical(
                """{"type":"image","imageAssetId":"bg","imageUrl":"bg.png","source":"custom"}"""), 0, pictures, letterboxed),
        ];
        var compositor = new Compositor();
        var buffer = new FrameBuffer(Width, Height);
        var timings = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                timings[i].Add(MillisecondsPerFrame(cases[i].Json, cases[i].Frame, cases[i].Sources, cases[i].Viewport, compositor, buffer, frames));
            }
        }
        var cut = Median.Of(timings[0]);
        Console.WriteLine($"transitions: {Width}x{Height}, {frames} frames per case, median of {rounds} rounds, {compositor.MaxDegreeOfParallelism} threads");
        for (var i = 0; i < cases.Length; i++)
        {
            var median = Median.Of(timings[i]);
            Console.WriteLine($"  {cases[i].Name,-34} {median,7:0.000} ms/frame  ({1000 / median,5:0} fps, {median / cut,4:0.00}x the cut)");
        }
        return Task.FromResult(0);
    }

    private static double MillisecondsPerFrame(string json, long frame, ILayerSources sources, Viewport? viewport, Compositor compositor,
        FrameBuffer buffer, int frames)
    {
        var timeline = EditorStateReader.Parse(json);
        var evaluator = new FrameEvaluator(timeline, FrameRate.FromFramesPerSecond(30));
        var composer = new FrameComposer(viewport ?? Viewport.Identity(timeline), sources);
        var commands = composer.Compose(evaluator.Evaluate(frame), timeline).Commands;
        compositor.Render(buffer, commands);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            compositor.Render(buffer, commands);
        }
        return clock.Elapsed.TotalMilliseconds / frames;
    }

    private static RasterImage Noise(int seed)
    {
        var random = new Random(seed);
        var image = new RasterImage(Width, Height);
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (uint)random.Next() | 0xFF000000u;
        }
        image.RefreshOpacity();
        return image;
    }

    /// <param name="over">An effect or filter item (id "e") on a track above the clips.</param>
    private static string Clips(string? transition, string? animation = null, string? over = null)
    {
        var animations = animation is null
            ? ""
            : $$$""","animations":{"in":{"type":"{{{animation}}}","durationTicks":240000,"easing":"linear"}}""";
        var transitions = transition is null
            ? "{}"
            : $$$"""{"x":{"id":"x","trackId":"t","fromClipId":"a","toClipId":"b","type":"{{{transition}}}","durationTicks":240000,"easing":"ease-in-out"}}""";
        var items = $$"""{{Item("a", 0, 240000, "#ff0000", "rectangle", 0, 0, Width, Height, animations)}},{{Item("b", 240000, 240000, "#0000ff", "rectangle", 0, 0, Width, Height)}}""";
        return over is null
            ? Document(items, """[{"id":"t","items":["a","b"]}]""", transitions)
            : Document(items + "," + over, """[{"id":"o","items":["e"]},{"id":"t","items":["a","b"]}]""", transitions);
    }

    private static string Effect(string type) =>
        $$"""
        "e":{"id":"e","type":"effect","effectType":"{{type}}","intensity":1,"startTicks":0,"durationTicks":480000}
        """;

    private static string Filter(string type) =>
        $$"""
        "e":{"id":"e","type":"filter","filterType":"{{type}}","intensity":1,"params":{"blend":0.8},"startTicks":0,"durationTicks":480000}
        """;

    private static string Shape(string shape) =>
        Document(Item("a", 0, 480000, "#ff0000", shape, 460, 140, 1000, 800), """[{"id":"t","items":["a"]}]""", "{}");

    /// <summary>A 1080x1920 composition filled by one picture, on <paramref name="background"/> (an image background is
    /// the other picture).</summary>
    private static string Vertical(string background) =>
        Document(Item("a", 0, 480000, "#ff0000", "rectangle", 0, 0, Height, Width), """[{"id":"t","items":["a"]}]""", "{}",
            background, Height, Width);

    private static string Item(string id, long start, long duration, string color, string shape, double left, double top,
        double width, double height, string extra = "") =>
        string.Create(CultureInfo.InvariantCulture,
            $$""""
            "{{id}}":{"id":"{{id}}","type":"solid","color":"{{color}}","shape":"{{shape}}","startTicks":{{start}},"durationTicks":{{duration}},
            "left":{{left}},"top":{{top}},"width":{{width}},"height":{{height}},"rotation":{"value":0,"keyframes":[]},
            "borderRadius":{"value":0,"keyframes":[]},"keepAspectRatio":false{{extra}}}
            """");

    private static string Document(string items, string tracks, string transitions,
        string background = """{"type":"color","color":"#000000"}""", int width = Width, int height = Height) =>
        $$$"""
        {"compositionWidth":{{{width}}},"compositionHeight":{{{height}}},"timebaseTicksPerSecond":240000,
         "tracks":{{{tracks}}},"assets":{"bg":{"id":"bg","type":"image","filename":"bg.png","mimeType":"image/png","width":{{{Width}}},"height":{{{Height}}}}},
         "items":{{{{items}}}},"transitions":{{{transitions}}},"globalBackground":{{{background}}}}
        """;

    /// <summary>Draws the first solid with one picture and every other with the second, as two video clips would be.</summary>
    private sealed class PictureSources(RasterImage first, RasterImage second) : ILayerSources
    {
        public LayerSource? SourceFor(ItemLayer layer, Viewport viewport) =>
            new RasterSource(layer.Item.Id == "a" ? first : second);
    }
}
