using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>Solid triangles and stars, frame-exact, in a 200 x 200 box at (220, 80) of a 640 x 360 composition.</summary>
public sealed class ShapeStillTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 360;
    private static readonly Color Red = new(255, 0, 0);
    private static readonly Color White = Color.White;

    private readonly StillFrames _stills = new();

    public void Dispose() => _stills.Dispose();

    [Fact]
    public async Task A_triangle_has_its_apex_at_the_top_centre_and_its_base_along_the_bottom()
    {
        var png = await RenderAsync(Shape("triangle"));

        // At row 180 (centre line 180.5) the sides are 100 * 100.5 / 200 = 50.25 px either side of x = 320.
        PixelAssert.Near(Red, png[272, 180], where: "inside the left side");
        PixelAssert.Near(White, png[267, 180], where: "outside the left side");
        PixelAssert.Near(Red, png[367, 180], where: "inside the right side");
        PixelAssert.Near(White, png[372, 180], where: "outside the right side");
        PixelAssert.Near(Red, png[320, 90], where: "below the apex");
        PixelAssert.Near(White, png[240, 100], where: "beside the apex");
        PixelAssert.Near(Red, png[222, 279], where: "the base's left end");
        PixelAssert.Near(White, png[320, 280], where: "below the base");
    }

    [Fact]
    public async Task A_triangle_edge_is_anti_aliased_by_the_share_of_the_pixel_it_covers()
    {
        var png = await RenderAsync(Shape("triangle", background: false));

        // Pixel (269, 180): its centre is 0.25 px left of the side, which slopes 1 across per 2 down: 0.224 px from it,
        // so it is about 0.276 covered.
        var edge = png[269, 180];
        Assert.InRange(edge.A, 55, 85);
        PixelAssert.Near(Red with { A = edge.A }, edge, tolerance: 2);
        Assert.Equal(0, png[266, 180].A);
        Assert.Equal(255, png[272, 180].A);
    }

    [Fact]
    public async Task A_turned_triangle_points_the_way_it_is_turned()
    {
        var png = await RenderAsync(Shape("triangle", rotation: 90));

        // A quarter turn clockwise: the apex at (420, 180), the base along x = 220.
        PixelAssert.Near(Red, png[410, 180], where: "near the apex");
        PixelAssert.Near(Red, png[225, 90], where: "near the base's top end");
        PixelAssert.Near(White, png[400, 100], where: "beside the apex");
        PixelAssert.Near(White, png[320, 85], where: "where the unturned apex was");
    }

    [Fact]
    public async Task A_star_fills_its_points_and_leaves_its_notches_empty()
    {
        var png = await RenderAsync(Shape("star"));

        // A regular star stretched to the box: top point (320, 80); the upper arms' top edges run level at y 156.4 out to
        // the side points (220 and 420, 156.4); the bottom points at (258.2, 280) and (381.8, 280), the notch between
        // them at (320, 232.8).
        PixelAssert.Near(Red, png[320, 100], where: "the top point");
        PixelAssert.Near(Red, png[320, 190], where: "the middle");
        PixelAssert.Near(Red, png[400, 163], where: "the right point");
        PixelAssert.Near(White, png[400, 150], where: "above the right arm");
        PixelAssert.Near(White, png[360, 140], where: "the notch between the top and right points");
        PixelAssert.Near(Red, png[240, 163], where: "the left point");
        PixelAssert.Near(Red, png[262, 275], where: "the bottom-left point");
        PixelAssert.Near(White, png[320, 250], where: "the notch between the bottom points");
        PixelAssert.Near(White, png[221, 81], where: "the box's corner");
    }

    private static string Shape(string shape, double rotation = 0, bool background = true)
    {
        var document = new EditorStateDocument(Width, Height)
            .Track("track-1", "shape")
            .Solid("shape", "#ff0000", 0, Seconds(1), left: 220, top: 80, width: 200, height: 200, rotation: rotation, shape: shape);
        return (background ? document.BackgroundColor("#ffffff") : document.NoBackground()).ToJson();
    }

    private Task<DecodedPng> RenderAsync(string json) => _stills.RenderAsync(json, frame: 0, Width, Height);
}
