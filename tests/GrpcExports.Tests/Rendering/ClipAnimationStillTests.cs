using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// Clip animations (<c>animations.in/out</c>) frame-exact: a red 200 x 200 box centred in a white 640 x 360
/// composition for 2 s, with a 1 s animation; frame 15 at 30 fps is halfway through an in-animation, frame 45 halfway
/// through an out-animation.
/// </summary>
public sealed class ClipAnimationStillTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 360;
    private static readonly Color Red = new(255, 0, 0);
    private static readonly Color White = Color.White;

    private readonly StillFrames _stills = new();

    public void Dispose() => _stills.Dispose();

    [Fact]
    public async Task A_fade_in_halfway_is_half_opaque()
    {
        var png = await RenderAsync(Box(entering: ("fade", Seconds(1), "linear")), frame: 15);

        PixelAssert.Near(new Color(255, 128, 128), png[320, 180], tolerance: 1);
    }

    [Fact]
    public async Task A_fade_out_follows_its_easing()
    {
        var png = await RenderAsync(Box(leaving: ("fade", Seconds(1), "ease-in")), frame: 45);

        var opacity = 1 - EasingCurves.Apply(Easing.EaseIn, 0.5);
        var channel = (byte)Math.Round(255 * (1 - opacity));
        PixelAssert.Near(new Color(255, channel, channel), png[320, 180], tolerance: 2);
    }

    [Fact]
    public async Task A_slide_up_in_arrives_from_one_composition_height_below_with_its_easing()
    {
        var png = await RenderAsync(Box(entering: ("slide-up", Seconds(1), "ease-out")), frame: 15);

        // The box's top is 80 + (1 - ease-out(0.5)) * 360.
        var top = 80 + (1 - EasingCurves.Apply(Easing.EaseOut, 0.5)) * Height;
        var firstRow = (int)Math.Ceiling(top);
        PixelAssert.Near(White, png[320, firstRow - 2], where: $"above the box's top at {top:F2}");
        PixelAssert.Near(Red, png[320, firstRow + 1], where: $"below the box's top at {top:F2}");
        PixelAssert.Near(Red, png[320, Height - 1], where: "the box reaches the bottom edge");
    }

    [Fact]
    public async Task A_slide_left_out_leaves_towards_the_left()
    {
        var png = await RenderAsync(Box(leaving: ("slide-left", Seconds(1), "linear")), frame: 45);

        // Moved left by half the composition width: x -100..100.
        PixelAssert.Near(Red, png[99, 180], where: "the box's right column");
        PixelAssert.Near(White, png[100, 180], where: "right of the box");
        PixelAssert.Near(White, png[320, 180], where: "where the box rests");
    }

    [Fact]
    public async Task A_slide_right_in_arrives_from_the_left()
    {
        var png = await RenderAsync(Box(entering: ("slide-right", Seconds(1), "linear")), frame: 15);

        // Half a width to the left of its place: x -100..100.
        PixelAssert.Near(Red, png[99, 180]);
        PixelAssert.Near(White, png[100, 180]);
    }

    [Fact]
    public async Task A_slide_down_out_leaves_downwards()
    {
        var png = await RenderAsync(Box(leaving: ("slide-down", Seconds(1), "linear")), frame: 45);

        // Half a height down: y 260..460.
        PixelAssert.Near(White, png[320, 259]);
        PixelAssert.Near(Red, png[320, 260]);
    }

    [Fact]
    public async Task A_zoom_in_in_grows_the_box_from_nothing_about_its_centre()
    {
        var png = await RenderAsync(Box(entering: ("zoom-in", Seconds(1), "linear")), frame: 15);

        // Half size: 100 x 100 about (320, 180), x 270..370.
        PixelAssert.Near(White, png[269, 180]);
        PixelAssert.Near(Red, png[270, 180]);
        PixelAssert.Near(Red, png[369, 180]);
        PixelAssert.Near(White, png[370, 180]);
        PixelAssert.Near(White, png[320, 129]);
        PixelAssert.Near(Red, png[320, 130]);
    }

    [Fact]
    public async Task A_zoom_out_out_shrinks_the_box_to_nothing()
    {
        var png = await RenderAsync(Box(leaving: ("zoom-out", Seconds(1), "linear")), frame: 45);

        PixelAssert.Near(White, png[269, 180]);
        PixelAssert.Near(Red, png[270, 180]);
        PixelAssert.Near(White, png[370, 180]);
    }

    [Fact]
    public async Task A_zoom_out_in_arrives_larger_and_faded()
    {
        var png = await RenderAsync(Box(entering: ("zoom-out", Seconds(1), "linear")), frame: 15);

        // Scale 1.5 (300 x 300 about the centre, x 170..470) at opacity 0.5.
        var half = new Color(255, 128, 128);
        PixelAssert.Near(White, png[169, 180]);
        PixelAssert.Near(half, png[170, 180], tolerance: 1);
        PixelAssert.Near(half, png[469, 180], tolerance: 1);
        PixelAssert.Near(White, png[470, 180]);
    }

    [Fact]
    public async Task Between_its_animations_the_clip_is_at_rest()
    {
        var png = await RenderAsync(Box(entering: ("zoom-in", Seconds(0.5), "linear"), leaving: ("slide-up", Seconds(0.5), "linear")), frame: 30);

        PixelAssert.Near(White, png[219, 180]);
        PixelAssert.Near(Red, png[220, 180]);
        PixelAssert.Near(Red, png[419, 180]);
        PixelAssert.Near(White, png[420, 180]);
    }

    private static string Box((string, long, string)? entering = null, (string, long, string)? leaving = null) =>
        new EditorStateDocument(Width, Height)
            .Track("track-1", "box")
            .Solid("box", "#ff0000", 0, Seconds(2), left: 220, top: 80, width: 200, height: 200)
            .Animations("box", entering, leaving)
            .BackgroundColor("#ffffff")
            .ToJson();

    private Task<DecodedPng> RenderAsync(string json, long frame) => _stills.RenderAsync(json, frame, Width, Height);
}
