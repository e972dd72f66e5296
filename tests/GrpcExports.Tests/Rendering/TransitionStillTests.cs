using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// Slide, wipe, flip, clock-wipe and iris, frame-exact. Red (0..1 s) and blue (1..2 s) clips on one track of a
/// 640 x 360 composition, joined by a 4/3 s transition centred on the cut: at 30 fps it runs over frames 10..50, so
/// frames 20, 30 and 40 are 25, 50 and 75 % of its linear progress.
/// </summary>
public sealed class TransitionStillTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 360;
    private static readonly Color Red = new(255, 0, 0);
    private static readonly Color Blue = new(0, 0, 255);
    private static readonly Color White = Color.White;

    private readonly StillFrames _stills = new();

    public void Dispose() => _stills.Dispose();

    public static TheoryData<string, long> EasingsAtQuarterPoints()
    {
        var data = new TheoryData<string, long>();
        foreach (var easing in new[] { "linear", "ease-in", "ease-out", "ease-in-out" })
        {
            foreach (var frame in new long[] { 20, 30, 40 })
            {
                data.Add(easing, frame);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EasingsAtQuarterPoints))]
    public async Task A_slide_from_the_left_puts_the_seam_at_the_eased_progress(string easing, long frame)
    {
        var png = await RenderAsync(FullFrameClips("slide", easing, "from-left"), frame);

        // The incoming clip covers [-(1 - p) W, p W), the outgoing one [p W, (1 + p) W).
        var seam = EasedProgress(easing, frame) * Width;
        AssertVerticalEdge(png, seam, Blue, Red);
    }

    [Theory]
    [MemberData(nameof(EasingsAtQuarterPoints))]
    public async Task A_wipe_from_the_left_reveals_the_incoming_clip_up_to_the_eased_progress(string easing, long frame)
    {
        var png = await RenderAsync(FullFrameClips("wipe", easing, "from-left"), frame);

        AssertVerticalEdge(png, EasedProgress(easing, frame) * Width, Blue, Red);
    }

    [Fact]
    public async Task A_slide_moves_both_clips_where_a_wipe_would_uncover_them()
    {
        // 200 x 200 boxes at (220, 80); from the top at 50 %: blue moved up by 180 (y -100..100), red down by 180 (260..460).
        var json = new EditorStateDocument(Width, Height)
            .Track("track-1", "red", "blue")
            .Solid("red", "#ff0000", 0, Seconds(1), left: 220, top: 80, width: 200, height: 200)
            .Solid("blue", "#0000ff", Seconds(1), Seconds(1), left: 220, top: 80, width: 200, height: 200)
            .Transition("x", "track-1", "red", "blue", Seconds(4.0 / 3), type: "slide", direction: "from-top")
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await RenderAsync(json, frame: 30);

        PixelAssert.Near(Blue, png[320, 99], where: "the incoming box's last row");
        PixelAssert.Near(White, png[320, 100], where: "below the incoming box");
        PixelAssert.Near(White, png[320, 259], where: "above the outgoing box");
        PixelAssert.Near(Red, png[320, 260], where: "the outgoing box's first row");
        PixelAssert.Near(White, png[219, 50], where: "left of the incoming box");
    }

    [Fact]
    public async Task A_wipe_from_the_bottom_at_25_percent_shows_the_incoming_clip_in_the_bottom_quarter()
    {
        var png = await RenderAsync(FullFrameClips("wipe", "linear", "from-bottom"), frame: 20);

        PixelAssert.Near(Red, png[320, 269], where: "(320, 269)");
        PixelAssert.Near(Blue, png[320, 270], where: "(320, 270)");
        PixelAssert.Near(Blue, png[0, 359], where: "the bottom-left corner");
        PixelAssert.Near(Red, png[639, 0], where: "the top-right corner");
    }

    [Fact]
    public async Task A_wipe_from_the_top_right_at_50_percent_has_reached_the_diagonal()
    {
        var png = await RenderAsync(FullFrameClips("wipe", "linear", "from-top-right"), frame: 30);

        // The edge joins the top-left and bottom-right corners; the incoming clip is above it.
        PixelAssert.Near(Blue, png[600, 20], where: "near the top-right corner");
        PixelAssert.Near(Blue, png[320, 150], where: "above the diagonal at the centre");
        PixelAssert.Near(Red, png[320, 210], where: "below the diagonal at the centre");
        PixelAssert.Near(Red, png[40, 340], where: "near the bottom-left corner");
    }

    [Fact]
    public async Task An_iris_at_50_percent_shows_the_incoming_clip_in_a_circle_of_half_the_half_diagonal()
    {
        var png = await RenderAsync(FullFrameClips("iris", "linear"), frame: 30);

        // Radius 0.5 * sqrt(640² + 360²) / 2 = 183.6 about (320, 180).
        PixelAssert.Near(Blue, png[320, 180], where: "the centre");
        PixelAssert.Near(Blue, png[320 + 181, 180], where: "just inside the circle on the right");
        PixelAssert.Near(Red, png[320 + 185, 180], where: "just outside the circle on the right");
        PixelAssert.Near(Blue, png[320, 0], where: "the top edge's middle, 180 px out");
        PixelAssert.Near(Blue, png[320 + 128, 180 + 128], where: "inside on the diagonal (181 px out)");
        PixelAssert.Near(Red, png[320 + 132, 180 + 132], where: "outside on the diagonal (187 px out)");
        PixelAssert.Near(Red, png[0, 0], where: "a corner");
        PixelAssert.Near(Red, png[639, 359], where: "the opposite corner");
    }

    [Fact]
    public async Task A_clock_wipe_at_25_percent_has_swept_the_top_right_quadrant()
    {
        var png = await RenderAsync(FullFrameClips("clock-wipe", "linear"), frame: 20);

        PixelAssert.Near(Blue, png[480, 90], where: "the top-right quadrant");
        PixelAssert.Near(Red, png[160, 90], where: "the top-left quadrant");
        PixelAssert.Near(Red, png[160, 270], where: "the bottom-left quadrant");
        PixelAssert.Near(Red, png[480, 270], where: "the bottom-right quadrant");
        // The hand started at 12 o'clock and stands at 3 o'clock.
        PixelAssert.Near(Red, png[319, 90], where: "left of 12 o'clock");
        PixelAssert.Near(Blue, png[320, 90], where: "right of 12 o'clock");
        PixelAssert.Near(Blue, png[480, 179], where: "above 3 o'clock");
        PixelAssert.Near(Red, png[480, 180], where: "below 3 o'clock");
    }

    [Fact]
    public async Task A_clock_wipe_at_75_percent_leaves_only_the_top_left_quadrant()
    {
        var png = await RenderAsync(FullFrameClips("clock-wipe", "linear"), frame: 40);

        PixelAssert.Near(Red, png[160, 90], where: "the top-left quadrant");
        PixelAssert.Near(Blue, png[480, 90], where: "the top-right quadrant");
        PixelAssert.Near(Blue, png[480, 270], where: "the bottom-right quadrant");
        PixelAssert.Near(Blue, png[160, 270], where: "the bottom-left quadrant");
        PixelAssert.Near(Blue, png[160, 180], where: "just below 9 o'clock");
        PixelAssert.Near(Red, png[160, 179], where: "just above 9 o'clock");
    }

    [Fact]
    public async Task A_flip_narrows_the_outgoing_clip_then_widens_the_incoming_one()
    {
        var json = FullFrameClips("flip", "linear", "from-left");

        var quarter = await RenderAsync(json, frame: 20);
        var middle = await RenderAsync(json, frame: 30);
        var threeQuarters = await RenderAsync(json, frame: 40);

        // Turned 45°: cos 45° of the width, centred: x 93.7..546.3.
        PixelAssert.Near(White, quarter[92, 180], where: "left of the narrowed outgoing clip");
        PixelAssert.Near(Red, quarter[95, 180], where: "the narrowed outgoing clip's left side");
        PixelAssert.Near(Red, quarter[544, 180], where: "the narrowed outgoing clip's right side");
        PixelAssert.Near(White, quarter[547, 180], where: "right of the narrowed outgoing clip");
        PixelAssert.Near(White, middle[320, 180], where: "edge-on at the middle");
        PixelAssert.Near(Blue, threeQuarters[95, 180], where: "the widening incoming clip");
        PixelAssert.Near(White, threeQuarters[92, 180], where: "left of the widening incoming clip");
    }

    [Theory]
    [InlineData("wipe", "sideways")]
    [InlineData("slide", "left")]
    [InlineData("flip", "from-top-left")]
    public void A_direction_the_renderer_does_not_know_is_refused_naming_the_field(string type, string direction)
    {
        var json = FullFrameClips(type, "linear", direction);

        var error = Assert.Throws<EditorStateFormatException>(() => EditorStateReader.Parse(json));

        Assert.Equal("/transitions/x/params/direction", error.Path);
        Assert.Contains(direction, error.Message, StringComparison.Ordinal);
    }

    private static string FullFrameClips(string type, string easing, string? direction = null) =>
        new EditorStateDocument(Width, Height)
            .Track("track-1", "red", "blue")
            .Solid("red", "#ff0000", 0, Seconds(1), left: 0, top: 0, width: Width, height: Height)
            .Solid("blue", "#0000ff", Seconds(1), Seconds(1), left: 0, top: 0, width: Width, height: Height)
            .Transition("x", "track-1", "red", "blue", Seconds(4.0 / 3), type: type, easing: easing, direction: direction)
            .BackgroundColor("#ffffff")
            .ToJson();

    private static double EasedProgress(string easing, long frame) =>
        EasingCurves.Apply(EasingCurves.Parse(easing)!.Value, (frame - 10) / 40.0);

    /// <summary>
    /// A vertical edge at <paramref name="edge"/>: whole pixels left of it are <paramref name="left"/>, right of it
    /// <paramref name="right"/>, and the pixel it cuts is their mix by the share it covers.
    /// </summary>
    private static void AssertVerticalEdge(DecodedPng png, double edge, Color left, Color right)
    {
        var cut = (int)Math.Floor(edge);
        foreach (var y in new[] { 0, 180, Height - 1 })
        {
            if (cut >= 1)
            {
                PixelAssert.Near(left, png[cut - 1, y], where: $"({cut - 1}, {y}), left of the edge at {edge:F2}");
            }
            if (cut + 1 < Width)
            {
                PixelAssert.Near(right, png[cut + 1, y], where: $"({cut + 1}, {y}), right of the edge at {edge:F2}");
            }
            var share = edge - cut;
            if (cut is >= 0 and < Width)
            {
                var mixed = new Color(Mix(left.R, right.R, share), Mix(left.G, right.G, share), Mix(left.B, right.B, share));
                PixelAssert.Near(mixed, png[cut, y], tolerance: 2, where: $"({cut}, {y}), cut by the edge at {edge:F2}");
            }
        }

        static byte Mix(byte a, byte b, double share) => (byte)Math.Round(a * share + b * (1 - share));
    }

    private Task<DecodedPng> RenderAsync(string json, long frame) => _stills.RenderAsync(json, frame, Width, Height);
}
