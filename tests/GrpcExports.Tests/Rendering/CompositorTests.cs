using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Tests.Rendering;

public sealed class CompositorTests
{
    private static readonly Color Red = new(255, 0, 0);
    private static readonly Color Blue = new(0, 0, 255);

    [Fact]
    public void Scaling_a_channel_rounds_the_division_by_255_exactly()
    {
        for (var channel = 0; channel < 256; channel++)
        {
            for (var k = 0; k < 256; k++)
            {
                var expected = (int)Math.Round(channel * k / 255.0, MidpointRounding.AwayFromZero);
                var scaled = PixelMath.Scale(PixelMath.Pack(channel, channel, channel, channel), k);
                if (scaled != PixelMath.Pack(expected, expected, expected, expected))
                {
                    Assert.Fail($"{channel} * {k} / 255 gave {scaled:x8}, expected {expected}");
                }
            }
        }
    }

    [Fact]
    public void The_vector_loops_give_the_same_pixels_as_the_scalar_arithmetic()
    {
        var random = new Random(4);
        for (var round = 0; round < 200; round++)
        {
            var length = random.Next(1, 70);
            var destination = RandomPremultiplied(random, length);
            var source = RandomPremultiplied(random, length);
            var weight = round % 3 == 0 ? 255 : random.Next(0, 256);
            var constant = source[0];

            var over = (uint[])destination.Clone();
            RowBlending.Over(over, source, weight);
            var plus = (uint[])destination.Clone();
            RowBlending.Plus(plus, source, weight);
            var overConstant = (uint[])destination.Clone();
            RowBlending.OverConstant(overConstant, constant);
            var plusConstant = (uint[])destination.Clone();
            RowBlending.PlusConstant(plusConstant, constant);

            for (var i = 0; i < length; i++)
            {
                var weighted = PixelMath.Scale(source[i], weight);
                Assert.Equal(PixelMath.Over(destination[i], weighted), over[i]);
                Assert.Equal(PixelMath.AddSaturate(destination[i], weighted), plus[i]);
                Assert.Equal(PixelMath.Over(destination[i], constant), overConstant[i]);
                Assert.Equal(PixelMath.AddSaturate(destination[i], constant), plusConstant[i]);
            }
        }
    }

    [Fact]
    public void Bands_and_threads_do_not_change_a_single_pixel()
    {
        var commands = BusyScene(1920, 1080);
        var reference = new FrameBuffer(1920, 1080);
        new Compositor(maxDegreeOfParallelism: 1, bandRows: 1080).Render(reference, commands);

        foreach (var (threads, rows) in new[] { (2, 16), (2, 7), (1, 1), (4, 64) })
        {
            var frame = new FrameBuffer(1920, 1080);
            new Compositor(threads, rows).Render(frame, commands);
            Assert.True(reference.Pixels.SequenceEqual(frame.Pixels), $"{threads} threads, {rows}-row bands");
        }
    }

    [Fact]
    public void Anti_aliased_coverage_adds_up_to_the_shapes_area()
    {
        // A circle of radius 50 (a 100 x 100 box with 50 px corners), and a 200 x 100 box turned 30°, off the pixel grid.
        var circle = Coverage(new LayerPlacement(200.3, 150.7, 100, 100, 0, 50, 50));
        var turned = Coverage(new LayerPlacement(200.3, 150.7, 200, 100, 30));
        var ellipse = Coverage(new LayerPlacement(200.3, 150.7, 160, 80, 10, 80, 40));

        Assert.Equal(Math.PI * 50 * 50, circle, Math.PI * 50 * 50 * 0.003);
        Assert.Equal(20_000, turned, 20_000 * 0.003);
        Assert.Equal(Math.PI * 80 * 40, ellipse, Math.PI * 80 * 40 * 0.01);
    }

    [Fact]
    public void A_box_on_whole_pixels_has_hard_edges_and_one_off_them_shares_its_edge_pixels()
    {
        var frame = Draw(64, 64, new LayerDraw(new SolidColorSource(Red), LayerPlacement.Box(10, 10, 20, 20)));
        Assert.Equal(0u, frame[9, 15] >> 24);
        Assert.Equal(255u, frame[10, 15] >> 24);
        Assert.Equal(255u, frame[29, 15] >> 24);
        Assert.Equal(0u, frame[30, 15] >> 24);

        var shifted = Draw(64, 64, new LayerDraw(new SolidColorSource(Red), LayerPlacement.Box(10.25, 10, 20, 20)));
        Assert.Equal(191u, shifted[10, 15] >> 24); // 75 % covered
        Assert.Equal(64u, shifted[30, 15] >> 24);  // 25 % covered
    }

    [Fact]
    public void A_raster_turned_90_degrees_puts_its_left_half_on_top()
    {
        var image = new RasterImage(100, 50);
        for (var y = 0; y < 50; y++)
        {
            for (var x = 0; x < 100; x++)
            {
                image.Pixels[y * 100 + x] = PixelMath.Premultiply(x < 50 ? Red : Blue);
            }
        }

        // Box centre (150, 125); turned clockwise, its left half (red) rises above the centre.
        var frame = Draw(300, 250, new LayerDraw(new RasterSource(image), LayerPlacement.Box(100, 100, 100, 50, rotationDegrees: 90)));

        Assert.Equal(Red, PixelMath.Unpremultiply(frame[150, 90]));
        Assert.Equal(Blue, PixelMath.Unpremultiply(frame[150, 160]));
        Assert.Equal(0u, frame[110, 125]);
    }

    [Fact]
    public void A_negative_scale_mirrors_the_raster()
    {
        var image = new RasterImage(2, 1);
        image.Pixels[0] = PixelMath.Premultiply(Red);
        image.Pixels[1] = PixelMath.Premultiply(Blue);

        var frame = Draw(100, 10, new LayerDraw(new RasterSource(image), new LayerPlacement(50, 5, 100, 10, MirrorX: true)));

        Assert.Equal(Blue, PixelMath.Unpremultiply(frame[5, 5]));
        Assert.Equal(Red, PixelMath.Unpremultiply(frame[95, 5]));
    }

    [Fact]
    public void The_pixel_aligned_raster_path_matches_the_general_one()
    {
        var random = new Random(7);
        var image = new RasterImage(120, 80);
        RandomPremultiplied(random, image.Pixels.Length).CopyTo(image.Pixels);

        var aligned = Draw(200, 150, new LayerDraw(new RasterSource(image), LayerPlacement.Box(30, 20, 120, 80), 0.8));
        var general = Draw(200, 150, new LayerDraw(new RasterSource(image), LayerPlacement.Box(30, 20, 120, 80, rotationDegrees: 1e-7), 0.8));

        for (var i = 0; i < aligned.Pixels.Length; i++)
        {
            var a = aligned.Pixels[i];
            var b = general.Pixels[i];
            for (var shift = 0; shift < 32; shift += 8)
            {
                Assert.InRange((int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF), -1, 1);
            }
        }
    }

    [Theory]
    [InlineData(30.3, 20.6, 0)]
    [InlineData(30.5, 20, 0)]
    [InlineData(29.9, 19.95, 0)]
    [InlineData(-7.25, -3.5, 0)]
    [InlineData(30.3, 20.6, 12)]
    [InlineData(40, 30, -33)]
    public void Raster_samples_match_an_independent_bilinear_reference(double left, double top, double rotation)
    {
        var random = new Random(11);
        var image = new RasterImage(120, 80);
        RandomPremultiplied(random, image.Pixels.Length).CopyTo(image.Pixels);
        var placement = LayerPlacement.Box(left, top, 120, 80, rotation);

        var frame = Draw(200, 150, new LayerDraw(new RasterSource(image), placement));

        var (sin, cos) = Math.SinCos(rotation * Math.PI / 180);
        var worst = 0.0;
        for (var y = 0; y < 150; y++)
        {
            for (var x = 0; x < 200; x++)
            {
                // The pixel centre in the box's frame, then in the picture (pixel centres on whole numbers).
                double dx = x + 0.5 - placement.CenterX, dy = y + 0.5 - placement.CenterY;
                double qx = dx * cos + dy * sin, qy = -dx * sin + dy * cos;
                if (Math.Abs(qx) > 59.5 || Math.Abs(qy) > 39.5)
                {
                    continue; // edge pixels are partly covered; the interior is what is compared
                }
                var expected = ReferenceBilinear(image, qx + 60 - 0.5, qy + 40 - 0.5);
                var actual = frame[x, y];
                for (var shift = 0; shift < 32; shift += 8)
                {
                    worst = Math.Max(worst, Math.Abs((double)((actual >> shift) & 0xFF) - expected[shift / 8]));
                }
            }
        }
        // 8-bit weights rounded twice (across, then down): within 1.5 of exact bilinear on noise, the worst case.
        Assert.True(worst <= 1.5, $"worst channel error {worst}");
    }

    [Fact]
    public void An_opaque_full_frame_raster_hides_what_is_beneath_and_shows_exactly_its_pixels()
    {
        var random = new Random(9);
        var video = new RasterImage(160, 90);
        var pixels = video.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (uint)random.Next() | 0xFF000000u;
        }
        video.RefreshOpacity();
        Assert.True(video.IsOpaque);

        var frame = Draw(160, 90,
            new LayerDraw(new SolidColorSource(Red), LayerPlacement.Box(10, 10, 50, 50, rotationDegrees: 20)),
            new LayerDraw(new RasterSource(video), LayerPlacement.Box(0, 0, 160, 90)),
            new LayerDraw(new SolidColorSource(Blue), LayerPlacement.Box(100, 40, 20, 20), 0.5));

        Assert.Equal(video.Row(10)[30], frame[30, 10]);
        Assert.Equal(video.Row(89)[159], frame[159, 89]);
        Assert.Equal(PixelMath.Over(video.Row(50)[110], PixelMath.Scale(PixelMath.Premultiply(Blue), 128)), frame[110, 50]);
        _ = video.Pixels;
        Assert.False(video.IsOpaque, "taking the pixels for writing clears the flag");
    }

    [Fact]
    public void A_cropped_raster_fills_the_box_with_its_crop_and_samples_nothing_outside_it()
    {
        // 8x8: a red border one pixel wide around blue; the crop keeps the blue 6x6 inside, drawn 4 times larger.
        var picture = RasterImage.Filled(8, 8, Red);
        for (var y = 1; y < 7; y++)
        {
            picture.Pixels.Slice(y * 8 + 1, 6).Fill(PixelMath.Premultiply(Blue));
        }
        picture.RefreshOpacity();

        var frame = Draw(40, 40, new LayerDraw(new RasterSource(picture, new PixelCrop(1, 1, 1, 1)), LayerPlacement.Box(8, 8, 24, 24)));

        foreach (var (x, y) in new[] { (8, 8), (31, 8), (8, 31), (31, 31), (20, 20), (8, 20), (31, 20) })
        {
            Assert.Equal(PixelMath.Premultiply(Blue), frame[x, y]);
        }
        Assert.Equal(0u, frame[7, 20]);
        Assert.Equal(0u, frame[32, 20]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RasterSource(picture, new PixelCrop(4, 0, 4, 0)));
    }

    [Fact]
    public void A_mix_sums_its_layers_by_weight_whatever_is_beneath()
    {
        var frame = new FrameBuffer(50, 50);
        new Compositor().Render(frame,
        [
            new FillCommand(new Color(0, 255, 0)),
            new MixCommand([
                new LayerDraw(new SolidColorSource(Red), LayerPlacement.Box(0, 0, 50, 50), 0.3),
                new LayerDraw(new SolidColorSource(Blue), LayerPlacement.Box(0, 0, 50, 50), 0.7),
            ]),
        ]);

        PixelAssert.Near(new Color(77, 0, 179), frame.ColorAt(25, 25), tolerance: 1);
    }

    [Fact]
    public void Layers_partly_or_wholly_outside_the_frame_are_clipped()
    {
        var frame = Draw(40, 30,
            new LayerDraw(new SolidColorSource(Red), LayerPlacement.Box(-20, -20, 30, 30, rotationDegrees: 45)),
            new LayerDraw(new SolidColorSource(Blue), LayerPlacement.Box(30, 20, 100, 100)),
            new LayerDraw(new SolidColorSource(Blue), LayerPlacement.Box(500, 500, 10, 10)));

        Assert.Equal(Blue, frame.ColorAt(39, 29));
        Assert.Equal(Red, frame.ColorAt(0, 0));
        Assert.Equal(0u, frame[20, 10]);
    }

    [Fact]
    public void Straight_alpha_output_undoes_premultiplication()
    {
        var frame = Draw(4, 1, new LayerDraw(new SolidColorSource(new Color(255, 0, 0)), LayerPlacement.Box(0, 0, 2, 1), 0.5));
        var bytes = new byte[16];

        frame.CopyStraightRgbaTo(bytes);

        Assert.Equal(new byte[] { 255, 0, 0, 128, 255, 0, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0 }, bytes);
    }

    [Fact]
    public void A_viewport_draws_the_composition_at_the_output_size_and_letterboxes_it()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(640, 360)
            .Track("t", "box")
            .Solid("box", "#ff0000", 0, 240_000, left: 100, top: 100, width: 100, height: 50)
            .BackgroundColor("#ffffff")
            .ToJson());
        var renderer = new StillRenderer();

        var doubled = renderer.Render(timeline, FrameRate.FromFramesPerSecond(30), 0, Viewport.Fit(640, 360, 1280, 720, Color.Black)).Frame;
        var square = renderer.Render(timeline, FrameRate.FromFramesPerSecond(30), 0, Viewport.Fit(640, 360, 720, 720, Color.Black)).Frame;

        Assert.Equal(Red, doubled.ColorAt(200, 200));
        Assert.Equal(Red, doubled.ColorAt(399, 299));
        Assert.Equal(Color.White, doubled.ColorAt(400, 200));
        // 640 x 360 into 720 x 720: scale 1.125, bars of 157.5 px above and below.
        Assert.Equal(Color.Black, square.ColorAt(360, 100));
        Assert.Equal(Color.White, square.ColorAt(360, 200));
        Assert.Equal(Red, square.ColorAt(113, 271));
        Assert.Equal(Color.Black, square.ColorAt(360, 700));
    }

    private static FrameBuffer Draw(int width, int height, params LayerDraw[] layers)
    {
        var frame = new FrameBuffer(width, height);
        new Compositor().Render(frame, [new FillCommand(Color.Transparent), .. layers.Select(l => new LayerCommand(l))]);
        return frame;
    }

    private static double Coverage(LayerPlacement placement)
    {
        var frame = Draw(400, 300, new LayerDraw(new SolidColorSource(Color.White), placement));
        var total = 0.0;
        foreach (var pixel in frame.Pixels)
        {
            total += (pixel >> 24) / 255.0;
        }
        return total;
    }

    private static double[] ReferenceBilinear(RasterImage image, double sx, double sy)
    {
        sx = Math.Clamp(sx, 0, image.Width - 1);
        sy = Math.Clamp(sy, 0, image.Height - 1);
        int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
        int x1 = Math.Min(x0 + 1, image.Width - 1), y1 = Math.Min(y0 + 1, image.Height - 1);
        double fx = sx - x0, fy = sy - y0;
        var result = new double[4];
        for (var channel = 0; channel < 4; channel++)
        {
            double At(int x, int y) => (image.Row(y)[x] >> (8 * channel)) & 0xFF;
            result[channel] = (At(x0, y0) * (1 - fx) + At(x1, y0) * fx) * (1 - fy) + (At(x0, y1) * (1 - fx) + At(x1, y1) * fx) * fy;
        }
        return result;
    }

    private static uint[] RandomPremultiplied(Random random, int length)
    {
        var pixels = new uint[length];
        for (var i = 0; i < length; i++)
        {
            var alpha = random.Next(4) == 0 ? 255 : random.Next(256);
            pixels[i] = PixelMath.Pack(random.Next(alpha + 1), random.Next(alpha + 1), random.Next(alpha + 1), alpha);
        }
        return pixels;
    }

    /// <summary>A frame's worth of the layers editors stack: background, full-frame, rotated, rounded, translucent, mixed.</summary>
    internal static IReadOnlyList<DrawCommand> BusyScene(int width, int height)
    {
        var image = new RasterImage(400, 300);
        RandomPremultiplied(new Random(1), image.Pixels.Length).CopyTo(image.Pixels);
        return
        [
            new FillCommand(new Color(17, 24, 39)),
            new LayerCommand(new LayerDraw(new SolidColorSource(new Color(30, 60, 200)), LayerPlacement.Box(0, 0, width, height))),
            new LayerCommand(new LayerDraw(new SolidColorSource(new Color(250, 200, 0)), LayerPlacement.Box(300.5, 200.25, 900, 500, rotationDegrees: 17), 0.9)),
            new LayerCommand(new LayerDraw(new SolidColorSource(new Color(0, 200, 120)), LayerPlacement.Box(800, 300, 800, 600, cornerRadius: 80))),
            new LayerCommand(new LayerDraw(new SolidColorSource(new Color(255, 255, 255)), LayerPlacement.Box(100, 100, width - 200, height - 200), 0.35)),
            new LayerCommand(new LayerDraw(new RasterSource(image), LayerPlacement.Box(1300.5, 650, 500, 375, rotationDegrees: -8, cornerRadius: 24), 0.8)),
            new MixCommand([
                new LayerDraw(new SolidColorSource(Red), LayerPlacement.Box(200, 700, 600, 300), 0.4),
                new LayerDraw(new SolidColorSource(Blue), LayerPlacement.Box(220, 690, 600, 300, rotationDegrees: 5), 0.6),
            ]),
        ];
    }
}
