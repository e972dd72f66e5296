using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// Darkening effects over the layers below their track, frame-exact: a blue box on the top track, the effect (1 s from
/// 0) on the middle one, a full-frame red clip at the bottom of a 640 x 360 composition; 30 fps.
/// </summary>
public sealed class EffectStillTests : IDisposable
{
    private static readonly Color Blue = new(0, 0, 255);

    private readonly StillFrames _stills = new();

    public void Dispose() => _stills.Dispose();

    [Theory]
    [InlineData("fade-in", 15, 1.0, 128)]
    [InlineData("fade-in", 24, 1.0, 204)]
    [InlineData("fade-out", 6, 1.0, 204)]
    [InlineData("fade-out", 15, 0.5, 191)]
    [InlineData("flash-to-black", 15, 1.0, 0)]
    [InlineData("flash-to-black", 6, 1.0, 153)]
    [InlineData("flash-to-black", 24, 1.0, 153)]
    public async Task A_darkening_effect_veils_the_layers_below_its_track_by_its_progress(string effect, long frame, double intensity, int red)
    {
        var json = new EditorStateDocument(640, 360)
            .Track("top", "box")
            .Track("effects", "effect")
            .Track("bottom", "clip")
            .Solid("box", "#0000ff", 0, Seconds(1), left: 0, top: 0, width: 100, height: 100)
            .Effect("effect", effect, 0, Seconds(1), intensity)
            .Solid("clip", "#ff0000", 0, Seconds(1), left: 0, top: 0, width: 640, height: 360)
            .ToJson();

        var png = await _stills.RenderAsync(json, frame, 640, 360);

        PixelAssert.Near(new Color((byte)red, 0, 0), png[320, 180], tolerance: 1, where: "the red clip below the effect");
        PixelAssert.Near(Blue, png[50, 50], where: "the box above the effect");
    }

    [Fact]
    public void An_effect_type_the_renderer_does_not_know_is_named_among_what_was_left_out()
    {
        var json = new EditorStateDocument(640, 360)
            .Track("effects", "effect")
            .Track("bottom", "clip")
            .Effect("effect", "NotExistsEffect", 0, Seconds(1))
            .Solid("clip", "#ff0000", 0, Seconds(1), left: 0, top: 0, width: 640, height: 360)
            .ToJson();

        var still = new GrpcExports.Rendering.Stills.StillRenderer().Render(EditorStateReader.Parse(json), StillFrames.Fps30, 0);

        Assert.Equal(["effect"], still.Skipped);
    }
}
