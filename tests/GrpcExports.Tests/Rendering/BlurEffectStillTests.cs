using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// The blur effects over the layers below their track: a hard black/white edge at x = 320 of a 640 x 360 composition
/// becomes a linear ramp 2r + 1 pixels wide, r being 2 % of the shorter side (7.2 px) times the intensity, rounded.
/// </summary>
public sealed class BlurEffectStillTests : IDisposable
{
    private const int Edge = 320;

    private static readonly Color Red = new(255, 0, 0);

    private readonly StillFrames _stills = new();

    public void Dispose() => _stills.Dispose();

    [Theory]
    [InlineData("blur", 1.0, 0, 7)]
    [InlineData("blur", 1.0, 29, 7)]
    [InlineData("blur", 0.5, 10, 4)]
    [InlineData("blurred-opening", 1.0, 0, 7)]
    [InlineData("blurred-opening", 1.0, 15, 4)]
    [InlineData("blurred-opening", 1.0, 29, 0)]
    public async Task A_hard_edge_below_a_blur_becomes_a_ramp_of_the_expected_width(string effect, double intensity, long frame, int radius)
    {
        var png = await _stills.RenderAsync(EdgeUnder(effect, intensity), frame, 640, 360);

        for (var x = Edge - 12; x < Edge + 12; x++)
        {
            // White pixels in the (2r + 1)-wide window around x, of a step from black to white at the edge.
            var white = Math.Clamp(x + radius - Edge + 1, 0, 2 * radius + 1);
            var level = (byte)Math.Round(255.0 * white / (2 * radius + 1));
            PixelAssert.Near(new Color(level, level, level), png[x, 200], tolerance: 1, where: $"x = {x}, radius {radius}");
        }
        PixelAssert.Near(Red, png[Edge + 1, 20], where: "the box above the effect, sharp against the white");
        PixelAssert.Near(new Color(255, 255, 255), png[Edge + 12, 20], where: "the white below the effect, right of the box and of the ramp");
    }

    [Fact]
    public async Task A_blur_keeps_the_composition_edges_their_own_colour()
    {
        var png = await _stills.RenderAsync(EdgeUnder("blur", 1.0), 0, 640, 360);

        PixelAssert.Near(Color.Black, png[0, 0], where: "top-left corner");
        PixelAssert.Near(new Color(255, 255, 255), png[639, 359], where: "bottom-right corner");
    }

    private static string EdgeUnder(string effect, double intensity) => new EditorStateDocument(640, 360)
        .Track("top", "box")
        .Track("effects", "effect")
        .Track("right", "white")
        .Track("left", "black")
        .Solid("box", "#ff0000", 0, Seconds(1), left: Edge - 40, top: 0, width: 42, height: 40)
        .Effect("effect", effect, 0, Seconds(1), intensity)
        .Solid("black", "#000000", 0, Seconds(1), left: 0, top: 0, width: Edge, height: 360)
        .Solid("white", "#ffffff", 0, Seconds(1), left: Edge, top: 0, width: 640 - Edge, height: 360)
        .ToJson();
}
