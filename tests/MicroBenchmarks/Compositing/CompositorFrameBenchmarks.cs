using BenchmarkDotNet.Attributes;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Compositing.Masks;

namespace MicroBenchmarks.Compositing;

/// <summary>
/// One 1080p frame through the <see cref="Compositor"/> (on one core and on all), against the naive way to compose the
/// same picture: a scalar loop over every pixel and channel, one pass over the frame per layer. The scenes are those
/// of a typical export: an opaque clip under a half-transparent logo and a watermark; the same during a cross-fade
/// between two clips; the same during a wipe. Op/s is frames per second (aim: 250 at 1080p).
/// </summary>
public class CompositorFrameBenchmarks
{
    public enum Scene
    {
        Overlay,
        CrossFade,
        Wipe,
    }

    private const int Width = 1920, Height = 1080;
    private const double IncomingWeight = 0.6;
    private static readonly (int Left, int Top) LogoAt = (100, 100), WatermarkAt = (1600, 950);

    private readonly uint[] _clipAPixels = ClipPixels(seed: 1), _clipBPixels = ClipPixels(seed: 7);
    private readonly RasterImage _clipA, _clipB;
    private readonly RasterImage _logo = Translucent(480, 270), _watermark = Translucent(240, 80);
    private readonly FrameBuffer _frame = new(Width, Height);
    private readonly uint[] _naiveFrame = new uint[Width * Height];
    private readonly Compositor _oneCore = new(maxDegreeOfParallelism: 1), _allCores = new();
    private DrawCommand[] _commands = [];

    public CompositorFrameBenchmarks()
    {
        (_clipA, _clipB) = (Opaque(_clipAPixels), Opaque(_clipBPixels));
    }

    [Params(Scene.Overlay, Scene.CrossFade, Scene.Wipe)]
    public Scene Composition { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var clipA = new LayerDraw(new RasterSource(_clipA), LayerPlacement.Box(0, 0, Width, Height));
        var clipB = new LayerDraw(new RasterSource(_clipB), LayerPlacement.Box(0, 0, Width, Height));
        DrawCommand clips = Composition switch
        {
            Scene.Overlay => new LayerCommand(clipA),
            Scene.CrossFade => new MixCommand([clipA with { Opacity = 1 - IncomingWeight }, clipB with { Opacity = IncomingWeight }]),
            _ => new MaskedMixCommand(clipA, clipB, new HalfPlaneMask(1, 0, Width / 2.0)),
        };
        _commands =
        [
            new FillCommand(GrpcExports.Rendering.Timeline.Color.Black),
            clips,
            new LayerCommand(new LayerDraw(new RasterSource(_logo), LayerPlacement.Box(LogoAt.Left, LogoAt.Top, _logo.Width, _logo.Height))),
            new LayerCommand(new LayerDraw(new RasterSource(_watermark),
                LayerPlacement.Box(WatermarkAt.Left, WatermarkAt.Top, _watermark.Width, _watermark.Height))),
        ];
    }

    [Benchmark(Baseline = true)]
    public uint NaiveScalarLoop()
    {
        var frame = _naiveFrame;
        var (a, b) = (_clipAPixels, _clipBPixels);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var i = y * Width + x;
                frame[i] = Composition switch
                {
                    Scene.Overlay => a[i],
                    Scene.CrossFade => Mix(a[i], b[i], IncomingWeight),
                    _ => x < Width / 2 ? b[i] : a[i],
                };
            }
        }
        Over(frame, _logo, LogoAt);
        Over(frame, _watermark, WatermarkAt);
        return frame[Width * Height / 2];
    }

    [Benchmark]
    public uint CompositorOneCore()
    {
        _oneCore.Render(_frame, _commands);
        return _frame[Width / 2, Height / 2];
    }

    [Benchmark]
    public uint CompositorAllCores()
    {
        _allCores.Render(_frame, _commands);
        return _frame[Width / 2, Height / 2];
    }

    private static uint Mix(uint outgoing, uint incoming, double weight)
    {
        uint result = 0;
        for (var shift = 0; shift < 32; shift += 8)
        {
            var channel = ((outgoing >> shift) & 0xFF) * (1 - weight) + ((incoming >> shift) & 0xFF) * weight;
            result |= (uint)Math.Round(channel) << shift;
        }
        return result;
    }

    // Premultiplied source-over, channel by channel: destination = source + destination * (255 - source alpha) / 255.
    private static void Over(uint[] frame, RasterImage layer, (int Left, int Top) at)
    {
        for (var y = 0; y < layer.Height; y++)
        {
            var row = layer.Row(y);
            for (var x = 0; x < layer.Width; x++)
            {
                var source = row[x];
                var i = (at.Top + y) * Width + at.Left + x;
                var destination = frame[i];
                var keep = 255 - (source >> 24);
                uint result = 0;
                for (var shift = 0; shift < 32; shift += 8)
                {
                    var channel = ((source >> shift) & 0xFF) + (((destination >> shift) & 0xFF) * keep + 127) / 255;
                    result |= Math.Min(channel, 255u) << shift;
                }
                frame[i] = result;
            }
        }
    }

    // An opaque picture with detail in every channel, as a decoded video frame has.
    private static uint[] ClipPixels(int seed)
    {
        var pixels = new uint[Width * Height];
        for (var i = 0; i < pixels.Length; i++)
        {
            var (x, y) = (i % Width, i / Width);
            pixels[i] = PixelMath.Pack((x * seed) & 0xFF, (y * 3 + seed) & 0xFF, ((x + y) * seed) & 0xFF, 255);
        }
        return pixels;
    }

    private static RasterImage Opaque(uint[] pixels)
    {
        var image = new RasterImage(Width, Height);
        pixels.CopyTo(image.Pixels);
        image.RefreshOpacity();
        return image;
    }

    // A logo whose alpha runs from transparent to opaque across it, premultiplied.
    private static RasterImage Translucent(int width, int height)
    {
        var image = new RasterImage(width, height);
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var alpha = i % width * 255 / (width - 1);
            pixels[i] = PixelMath.Scale(PixelMath.Pack(240, 200, 40, 255), alpha);
        }
        image.RefreshOpacity();
        return image;
    }
}
