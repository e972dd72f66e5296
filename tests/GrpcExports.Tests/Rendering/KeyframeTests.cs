using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Tests.Rendering;

public sealed class KeyframeTests
{
    [Fact]
    public void Without_keyframes_the_value_applies_everywhere()
    {
        var track = new AnimatedNumber(42);

        Assert.Equal(42, track.Evaluate(-1000));
        Assert.Equal(42, track.Evaluate(0));
        Assert.Equal(42, track.Evaluate(1e9));
    }

    [Fact]
    public void Keyframes_interpolate_linearly_and_hold_outside_them()
    {
        var track = new AnimatedNumber(-1, [new Keyframe(100, 10), new Keyframe(300, 50)]);

        Assert.Equal(10, track.Evaluate(0));
        Assert.Equal(10, track.Evaluate(100));
        Assert.Equal(20, track.Evaluate(150));
        Assert.Equal(30, track.Evaluate(200));
        Assert.Equal(49.8, track.Evaluate(299), 10);
        Assert.Equal(50, track.Evaluate(300));
        Assert.Equal(50, track.Evaluate(10_000));
    }

    [Fact]
    public void Keyframes_are_taken_in_time_order_whatever_the_document_order()
    {
        var track = new AnimatedNumber(0, [new Keyframe(200, 100), new Keyframe(0, 0), new Keyframe(100, 0)]);

        Assert.Equal(0, track.Evaluate(50));
        Assert.Equal(50, track.Evaluate(150));
    }

    [Fact]
    public void Two_keyframes_at_one_time_make_a_jump_to_the_later_one()
    {
        var track = new AnimatedNumber(0, [new Keyframe(0, 0), new Keyframe(100, 10), new Keyframe(100, 90), new Keyframe(200, 100)]);

        Assert.Equal(5, track.Evaluate(50));
        Assert.Equal(90, track.Evaluate(100));
        Assert.Equal(95, track.Evaluate(150));
    }

    [Fact]
    public void A_single_keyframe_holds_its_value_before_and_after()
    {
        var track = new AnimatedNumber(7, [new Keyframe(500, 3)]);

        Assert.Equal(3, track.Evaluate(0));
        Assert.Equal(3, track.Evaluate(1000));
    }

    [Fact]
    public void A_keyframe_that_names_an_easing_shapes_the_segment_it_starts()
    {
        var hold = new AnimatedNumber(0, [new Keyframe(0, 0, Easing.Hold), new Keyframe(100, 10, Easing.EaseIn), new Keyframe(200, 20)]);

        Assert.Equal(0, hold.Evaluate(99.9));
        Assert.Equal(10, hold.Evaluate(100));
        Assert.Equal(10 + 10 * EasingCurves.Apply(Easing.EaseIn, 0.5), hold.Evaluate(150), 12);
        Assert.True(hold.Evaluate(150) < 15);
    }

    [Fact]
    public void The_reader_takes_keyframes_in_the_schemas_spelling_and_an_optional_easing()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(640, 360)
            .Track("t", "box")
            .Solid("box", "#000", 0, 1000, 0, 0, 10, 10,
                overrides: ("opacity", EditorStateDocument.Animated(1, (0, 0), (400, 1))))
            .ToJson()
            .Replace("{\"timeTicks\":0,\"value\":0}", "{\"timeTicks\":0,\"value\":0,\"easing\":\"hold\"}", StringComparison.Ordinal));

        var opacity = ((SolidItem)timeline.Items["box"]).Geometry.Opacity;

        Assert.Equal([new Keyframe(0, 0, Easing.Hold), new Keyframe(400, 1)], opacity.Keyframes);
        Assert.Equal(0, opacity.Evaluate(399));
        Assert.Equal(1, opacity.Evaluate(400));
    }
}
