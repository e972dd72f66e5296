using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// Issue 4's frame-exact acceptance: editor states written as JSON, one chosen frame rendered to a PNG by ffmpeg, the
/// PNG decoded by ImageMagick, and pixels asserted where geometry puts them.
/// </summary>
public sealed class StillAcceptanceTests : IDisposable
{
    private static readonly Color Red = new(255, 0, 0);
    private static readonly Color Blue = new(0, 0, 255);
    private static readonly Color White = Color.White;

    private readonly StillFrames _stills = new();

    public void Dispose() => _stills.Dispose();

    [Fact]
    public async Task A_box_keyframed_from_left_0_to_1000_over_one_second_is_at_500_on_frame_15_at_30_fps()
    {
        var json = new EditorStateDocument(1280, 720)
            .Track("track-1", "box")
            .Solid("box", "#ff0000", 0, Seconds(2), left: 0, top: 100, width: 100, height: 100,
                overrides: ("left", Animated(0, (0, 0), (Seconds(1), 1000))))
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await RenderAsync(json, frame: 15);

        PixelAssert.Near(White, png[499, 150], where: "(499, 150)");
        PixelAssert.Near(Red, png[500, 150], where: "(500, 150)");
        PixelAssert.Near(Red, png[599, 150], where: "(599, 150)");
        PixelAssert.Near(White, png[600, 150], where: "(600, 150)");
        PixelAssert.Near(White, png[550, 99], where: "(550, 99)");
        PixelAssert.Near(Red, png[550, 100], where: "(550, 100)");
        PixelAssert.Near(Red, png[550, 199], where: "(550, 199)");
        PixelAssert.Near(White, png[550, 200], where: "(550, 200)");
    }

    [Fact]
    public async Task The_keyframed_box_holds_its_last_value_after_the_last_keyframe()
    {
        var json = new EditorStateDocument(1280, 720)
            .Track("track-1", "box")
            .Solid("box", "#ff0000", 0, Seconds(2), left: 0, top: 100, width: 100, height: 100,
                overrides: ("left", Animated(0, (0, 0), (Seconds(1), 1000))))
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await RenderAsync(json, frame: 45);

        PixelAssert.Near(White, png[999, 150]);
        PixelAssert.Near(Red, png[1000, 150]);
        PixelAssert.Near(Red, png[1099, 150]);
        PixelAssert.Near(White, png[1100, 150]);
    }

    [Fact]
    public async Task Opacity_one_half_red_over_white_is_the_even_blend()
    {
        var json = new EditorStateDocument(640, 360)
            .Track("track-1", "box")
            .Solid("box", "#ff0000", 0, Seconds(1), left: 100, top: 100, width: 200, height: 100, opacity: 0.5)
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await RenderAsync(json, frame: 0, width: 640, height: 360);

        // 0.5 red + 0.5 white = (255, 127.5, 127.5).
        PixelAssert.Near(new Color(255, 128, 128), png[200, 150], tolerance: 2);
        PixelAssert.Near(White, png[50, 50]);
    }

    [Fact]
    public async Task The_first_track_covers_the_second()
    {
        var json = new EditorStateDocument(640, 360)
            .Track("top", "red-box")
            .Track("bottom", "blue-box")
            .Solid("red-box", "#ff0000", 0, Seconds(1), left: 100, top: 100, width: 200, height: 200)
            .Solid("blue-box", "#0000ff", 0, Seconds(1), left: 200, top: 50, width: 200, height: 200)
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await RenderAsync(json, frame: 0, width: 640, height: 360);

        PixelAssert.Near(Red, png[250, 200], where: "the overlap");
        PixelAssert.Near(Red, png[150, 150], where: "red alone");
        PixelAssert.Near(Blue, png[350, 150], where: "blue alone");
        PixelAssert.Near(Blue, png[250, 75], where: "blue above red");
    }

    [Fact]
    public async Task A_hidden_track_is_not_drawn()
    {
        var json = new EditorStateDocument(640, 360)
            .Track("top", hidden: true, "red-box")
            .Track("bottom", "blue-box")
            .Solid("red-box", "#ff0000", 0, Seconds(1), left: 100, top: 100, width: 200, height: 200)
            .Solid("blue-box", "#0000ff", 0, Seconds(1), left: 100, top: 100, width: 200, height: 200)
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await RenderAsync(json, frame: 0, width: 640, height: 360);

        PixelAssert.Near(Blue, png[200, 200]);
    }

    [Fact]
    public async Task A_90_degree_rotation_turns_the_box_about_its_centre()
    {
        // A 200 x 100 box at (100, 100): centre (200, 150). Turned a quarter it spans x 150..250 and y 50..250.
        var json = new EditorStateDocument(640, 360)
            .Track("track-1", "box")
            .Solid("box", "#ff0000", 0, Seconds(1), left: 100, top: 100, width: 200, height: 100, rotation: 90)
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await RenderAsync(json, frame: 0, width: 640, height: 360);

        PixelAssert.Near(Red, png[150, 50], where: "the top-left corner (150, 50)");
        PixelAssert.Near(White, png[149, 50], where: "left of the top-left corner");
        PixelAssert.Near(White, png[150, 49], where: "above the top-left corner");
        PixelAssert.Near(Red, png[249, 249], where: "the bottom-right corner (249, 249)");
        PixelAssert.Near(White, png[250, 249], where: "right of the bottom-right corner");
        PixelAssert.Near(White, png[249, 250], where: "below the bottom-right corner");
        PixelAssert.Near(White, png[120, 150], where: "where the unrotated box was");
        PixelAssert.Near(Red, png[200, 60], where: "where the unrotated box was not");
    }

    [Fact]
    public async Task Positive_rotation_is_clockwise_on_screen()
    {
        // A 20 x 400 bar centred at (320, 360); turned 30° clockwise its top end's centre moves to
        // (320 + 200 sin 30°, 360 - 200 cos 30°) = (420, 186.8).
        var json = new EditorStateDocument(640, 720)
            .Track("track-1", "bar")
            .Solid("bar", "#ff0000", 0, Seconds(1), left: 310, top: 160, width: 20, height: 400, rotation: 30)
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await RenderAsync(json, frame: 0, width: 640, height: 720);

        PixelAssert.Near(Red, png[415, 195], where: "near the top end, turned right");
        PixelAssert.Near(White, png[225, 195], where: "where a counter-clockwise turn would put it");
        PixelAssert.Near(Red, png[225, 525], where: "near the bottom end, turned left");
    }

    [Fact]
    public async Task Border_radius_leaves_the_corner_pixel_transparent()
    {
        var json = new EditorStateDocument(640, 360)
            .Track("track-1", "box")
            .Solid("box", "#ff0000", 0, Seconds(1), left: 100, top: 100, width: 200, height: 200, borderRadius: 50)
            .NoBackground()
            .ToJson();

        var png = await RenderAsync(json, frame: 0, width: 640, height: 360);

        Assert.Equal(0, png[100, 100].A);
        Assert.Equal(0, png[299, 100].A);
        Assert.Equal(0, png[100, 299].A);
        Assert.Equal(0, png[299, 299].A);
        Assert.Equal(0, png[110, 110].A);
        PixelAssert.Near(Red, png[125, 125], where: "inside the corner's arc");
        PixelAssert.Near(Red, png[100, 200], where: "the middle of the left side");
        PixelAssert.Near(Red, png[200, 100], where: "the middle of the top side");
        // On the arc (the pixel centre 50.2 px from the corner's centre) the edge is anti-aliased: partly covered,
        // and still pure red where it is drawn.
        var edge = png[114, 114];
        Assert.InRange(edge.A, 30, 220);
        PixelAssert.Near(Red with { A = edge.A }, edge, tolerance: 2);
    }

    [Fact]
    public async Task A_fade_transition_at_its_midpoint_is_the_even_mix()
    {
        // Red 0..1 s, blue 1..2 s on one track, a 0.5 s fade centred on the cut at 1 s: frame 30 at 30 fps is its midpoint.
        var json = new EditorStateDocument(640, 360)
            .Track("track-1", "red", "blue")
            .Solid("red", "#ff0000", 0, Seconds(1), left: 0, top: 0, width: 640, height: 360)
            .Solid("blue", "#0000ff", Seconds(1), Seconds(1), left: 0, top: 0, width: 640, height: 360)
            .Transition("fade-1", "track-1", "red", "blue", Seconds(0.5), easing: "ease-in-out")
            .BackgroundColor("#00ff00")
            .ToJson();

        var png = await RenderAsync(json, frame: 30, width: 640, height: 360);

        PixelAssert.Near(new Color(128, 0, 128), png[320, 180], tolerance: 1);
        PixelAssert.Near(new Color(128, 0, 128), png[0, 0], tolerance: 1);
    }

    [Fact]
    public async Task A_linear_fade_weights_the_clips_by_progress_and_an_eased_one_by_its_curve()
    {
        // A 1 s fade centred on the cut at 1 s runs over frames 15..45; frame 21 is 20 % in.
        var linear = new EditorStateDocument(640, 360)
            .Track("track-1", "red", "blue")
            .Solid("red", "#ff0000", 0, Seconds(1), left: 0, top: 0, width: 640, height: 360)
            .Solid("blue", "#0000ff", Seconds(1), Seconds(1), left: 0, top: 0, width: 640, height: 360)
            .Transition("fade-1", "track-1", "red", "blue", Seconds(1), easing: "linear")
            .ToJson();
        var easedIn = linear.Replace("\"easing\":\"linear\"", "\"easing\":\"ease-in\"", StringComparison.Ordinal);

        var linearPng = await RenderAsync(linear, frame: 21, width: 640, height: 360);
        var easedPng = await RenderAsync(easedIn, frame: 30, width: 640, height: 360);

        PixelAssert.Near(new Color(204, 0, 51), linearPng[320, 180], tolerance: 1);
        var progress = EasingCurves.Apply(Easing.EaseIn, 0.5);
        var expected = new Color((byte)Math.Round(255 * (1 - progress)), 0, (byte)Math.Round(255 * progress));
        PixelAssert.Near(expected, easedPng[320, 180], tolerance: 2);
        Assert.True(easedPng[320, 180].R > 160, "ease-in is still mostly the outgoing clip at the midpoint");
    }

    private Task<DecodedPng> RenderAsync(string json, long frame, int width = 1280, int height = 720) =>
        _stills.RenderAsync(json, frame, width, height);
}
