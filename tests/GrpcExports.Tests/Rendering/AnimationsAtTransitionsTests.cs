using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// A clip that leaves through a transition has no <c>out</c> animation, and one that enters through a transition no
/// <c>in</c> animation: the transition is how it leaves or enters. Red clip a (0-2 s) and blue clip b (2-4 s) joined by
/// a 0.5 s fade, each with a 1 s fade animation on the joined side, over a black background; 30 fps.
/// </summary>
public sealed class AnimationsAtTransitionsTests : IDisposable
{
    private readonly StillFrames _stills = new();

    public void Dispose() => _stills.Dispose();

    [Theory]
    [InlineData(45, 255, 0)]
    [InlineData(60, 128, 127)]
    [InlineData(75, 0, 255)]
    public async Task Animations_on_the_joined_sides_are_replaced_by_the_transition(long frame, int red, int blue)
    {
        var png = await _stills.RenderAsync(JoinedClips(("fade", Seconds(1), "linear")), frame, 320, 180);

        PixelAssert.Near(new Color((byte)red, 0, (byte)blue), png[160, 90], tolerance: 1, where: $"frame {frame}");
    }

    [Fact]
    public async Task The_animations_on_the_free_sides_still_play()
    {
        var json = JoinedClips(("fade", Seconds(1), "linear"));

        PixelAssert.Near(new Color(128, 0, 0), (await _stills.RenderAsync(json, 15, 320, 180))[160, 90], tolerance: 1, where: "a fading in");
        PixelAssert.Near(new Color(0, 0, 128), (await _stills.RenderAsync(json, 105, 320, 180))[160, 90], tolerance: 1, where: "b fading out");
    }

    private static string JoinedClips((string Type, long DurationTicks, string Easing) fade) => new EditorStateDocument(320, 180)
        .Track("main", "a", "b")
        .Solid("a", "#ff0000", 0, Seconds(2), left: 0, top: 0, width: 320, height: 180)
        .Solid("b", "#0000ff", Seconds(2), Seconds(2), left: 0, top: 0, width: 320, height: 180)
        .Animations("a", entering: fade, leaving: fade)
        .Animations("b", entering: fade, leaving: fade)
        .Transition("t", "main", "a", "b", Seconds(0.5))
        .BackgroundColor("#000000")
        .ToJson();
}
