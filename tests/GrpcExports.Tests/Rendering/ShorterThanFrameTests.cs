using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// Items shorter than one frame (8,000 ticks at 30 fps) are not drawn: each is named in what was left out of the frame
/// whose interval holds its start, and nothing else changes.
/// </summary>
public sealed class ShorterThanFrameTests
{
    private static readonly Color Green = new(0, 255, 0);

    [Fact]
    public void Items_shorter_than_a_frame_are_named_on_their_frame_and_not_drawn()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(320, 180)
            .Track("top", "flash", "late")
            .Track("effects", "blink")
            .Track("bottom", "clip")
            .Solid("flash", "#ff0000", 0, 7_999, left: 0, top: 0, width: 320, height: 180)
            .Solid("late", "#0000ff", 2 * 8_000 + 100, 1_000, left: 0, top: 0, width: 320, height: 180)
            .Effect("blink", "flash-to-black", 8_000, 4_000)
            .Solid("clip", "#00ff00", 0, Seconds(1), left: 0, top: 0, width: 320, height: 180)
            .ToJson());
        var renderer = new StillRenderer();

        var frames = Enumerable.Range(0, 4).Select(frame => renderer.Render(timeline, StillFrames.Fps30, frame)).ToList();

        Assert.Equal([["flash"], ["blink"], ["late"], []], frames.Select(still => still.Skipped.ToArray()));
        Assert.All(frames, still => PixelAssert.Near(Green, still.Frame.ColorAt(160, 90)));
    }

    [Fact]
    public void An_item_one_frame_long_is_drawn_on_its_frame()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(320, 180)
            .Track("top", "flash")
            .Track("bottom", "clip")
            .Solid("flash", "#ff0000", 8_000, 8_000, left: 0, top: 0, width: 320, height: 180)
            .Solid("clip", "#00ff00", 0, Seconds(1), left: 0, top: 0, width: 320, height: 180)
            .ToJson());

        var still = new StillRenderer().Render(timeline, StillFrames.Fps30, 1);

        Assert.Empty(still.Skipped);
        PixelAssert.Near(new Color(255, 0, 0), still.Frame.ColorAt(160, 90));
    }
}
