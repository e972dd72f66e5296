using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary><c>globalBackground</c> gradients, blurred backgrounds behind letterboxed content, and image backgrounds.</summary>
public sealed class BackgroundStillTests : IDisposable
{
    private static readonly Color Red = new(255, 0, 0);
    private static readonly Color Blue = new(0, 0, 255);

    private readonly StillFrames _stills = new();
    private readonly MediaRenderFixture _media = new();

    public void Dispose()
    {
        _stills.Dispose();
        _media.Dispose();
    }

    [Theory]
    [InlineData("linear-gradient(90deg, #ff0000 0%, #0000ff 100%)", true)]
    [InlineData("linear-gradient(to right, rgb(255, 0, 0), #0000ff)", true)]
    [InlineData("linear-gradient(#ff0000, #0000ff)", false)]
    [InlineData("linear-gradient(0.5turn, #ff0000, #0000ff)", false)]
    public async Task A_linear_gradient_runs_from_its_first_colour_to_its_last_through_their_mix(string gradient, bool horizontal)
    {
        var json = new EditorStateDocument(320, 180)
            .Track("empty")
            .Track("clip", "dot")
            .Solid("dot", "#00ff00", 0, Seconds(1), left: 0, top: 0, width: 1, height: 1)
            .BackgroundColor("#ffffff", gradient)
            .ToJson();

        var png = await _stills.RenderAsync(json, 0, 320, 180);

        var length = horizontal ? 320 : 180;
        foreach (var along in new[] { 2, length / 4, length / 2, length - 1 })
        {
            // The gradient line's position of the pixel's centre, 0 at the first colour, 1 at the last.
            var t = (along + 0.5) / length;
            var expected = new Color((byte)Math.Round(255 * (1 - t)), 0, (byte)Math.Round(255 * t));
            var (x, y) = horizontal ? (along, 120) : (160, along);
            PixelAssert.Near(expected, png[x, y], tolerance: 1, where: $"{along} px along the gradient");
        }
    }

    [Fact]
    public void A_gradient_this_renderer_cannot_read_falls_back_to_the_colour_and_is_named()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(320, 180)
            .Track("clip", "dot")
            .Solid("dot", "#00ff00", 0, Seconds(1), left: 0, top: 0, width: 1, height: 1)
            .BackgroundColor("#ffffff", "radial-gradient(circle, #ff0000, #0000ff)")
            .ToJson());

        var still = new StillRenderer().Render(timeline, StillFrames.Fps30, 0);

        Assert.Equal(["globalBackground.gradient"], still.Skipped);
        PixelAssert.Near(new Color(255, 255, 255), still.Frame.ColorAt(100, 100));
    }

    /// <summary>
    /// A 9:16 composition (red top half, blue bottom half) in a 16:9 frame: the content scaled to cover the frame puts
    /// the red/blue edge at y = 90 across the letterbox bars, blurred there by (4 + 1) x 1.5 % of 180 = 14 px; the
    /// content itself stays sharp.
    /// </summary>
    [Fact]
    public void A_blurred_background_fills_the_letterbox_with_the_contents_blurred_colours()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(180, 320)
            .Track("top", "red")
            .Track("bottom", "blue")
            .Solid("red", "#ff0000", 0, Seconds(1), left: 0, top: 0, width: 180, height: 160)
            .Solid("blue", "#0000ff", 0, Seconds(1), left: 0, top: 160, width: 180, height: 160)
            .BackgroundBlur(4)
            .ToJson());
        var viewport = Viewport.Fit(180, 320, 320, 180, Color.Black);

        var frame = new StillRenderer().Render(timeline, StillFrames.Fps30, 0, viewport).Frame;

        foreach (var x in new[] { 10, 100, 220, 310 })
        {
            PixelAssert.Near(Red, frame.ColorAt(x, 4), where: $"bar at x = {x}, top");
            PixelAssert.Near(Blue, frame.ColorAt(x, 175), where: $"bar at x = {x}, bottom");
            var middle = frame.ColorAt(x, 90);
            PixelAssert.Near(new Color(128, 0, 127), middle, tolerance: 10, where: $"bar at x = {x}, across the edge");
            Assert.True(frame.ColorAt(x, 84).R > middle.R && middle.R > frame.ColorAt(x, 96).R, $"a ramp at x = {x}");
            Assert.Equal(255, middle.A);
        }
        PixelAssert.Near(Red, frame.ColorAt(160, 88), where: "the content just above its edge, sharp");
        PixelAssert.Near(Blue, frame.ColorAt(160, 91), where: "the content just below its edge, sharp");
    }

    [Fact]
    public void Without_a_blurred_background_the_letterbox_keeps_its_colour()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(180, 320)
            .Track("top", "red")
            .Solid("red", "#ff0000", 0, Seconds(1), left: 0, top: 0, width: 180, height: 320)
            .NoBackground()
            .ToJson());

        var frame = new StillRenderer().Render(timeline, StillFrames.Fps30, 0, Viewport.Fit(180, 320, 320, 180, Color.Black)).Frame;

        PixelAssert.Near(Color.Black, frame.ColorAt(10, 90));
    }

    /// <summary>A 100x100 four-quadrant picture behind a 16:9 composition: cropped to cover it, its centre line stays at
    /// the middle and its top and bottom quarters are cut off (each quadrant shows 160 x 90 pixels).</summary>
    [Fact]
    public async Task An_image_background_covers_the_composition_behind_every_track()
    {
        await TestImages.QuadrantsPngAsync(_media.MediaFile("quadrants.png"));
        var json = new EditorStateDocument(320, 180)
            .Track("clip", "box")
            .Solid("box", "#ffffff", 0, Seconds(1), left: 150, top: 80, width: 20, height: 20)
            .ImageAsset("asset-bg", "quadrants.png", 100, 100)
            .BackgroundImage("asset-bg")
            .ToJson();

        var png = await _media.RenderAsync(json, 320, 180);

        PixelAssert.Near(Red, png[40, 20], where: "top-left");
        PixelAssert.Near(new Color(0, 255, 0), png[280, 20], where: "top-right");
        PixelAssert.Near(Blue, png[40, 160], where: "bottom-left");
        PixelAssert.Near(new Color(255, 255, 0), png[280, 160], where: "bottom-right");
        PixelAssert.Near(new Color(255, 255, 255), png[160, 90], where: "the item on top");
    }

    [Fact]
    public void An_image_background_without_an_uploaded_asset_is_named_among_what_was_left_out()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(320, 180)
            .Track("clip", "box")
            .Solid("box", "#ffffff", 0, Seconds(1), left: 0, top: 0, width: 20, height: 20)
            .BackgroundImage(null)
            .ToJson());

        Assert.Equal(["globalBackground"], _media.Renderer(timeline).Render(timeline, StillFrames.Fps30, 0).Skipped);
    }
}
