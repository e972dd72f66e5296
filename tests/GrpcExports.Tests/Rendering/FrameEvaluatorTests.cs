using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

public sealed class FrameEvaluatorTests
{
    private static readonly FrameRate Fps30 = FrameRate.FromFramesPerSecond(30);

    [Fact]
    public void Layers_are_ordered_bottom_to_top_with_tracks_0_on_top_and_hidden_tracks_left_out()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(640, 360)
            .Track("top", "a")
            .Track("hidden", hidden: true, "b")
            .Track("middle", "c")
            .Track("bottom", "d")
            .Solid("a", "#f00", 0, Seconds(1), 0, 0, 10, 10)
            .Solid("b", "#0f0", 0, Seconds(1), 0, 0, 10, 10)
            .Solid("c", "#00f", 0, Seconds(1), 0, 0, 10, 10)
            .Solid("d", "#fff", 0, Seconds(1), 0, 0, 10, 10)
            .ToJson());

        var plan = new FrameEvaluator(timeline, Fps30).Evaluate(0);

        Assert.Equal(["d", "c", "a"], plan.Layers.Cast<ItemLayer>().Select(l => l.Item.Id));
    }

    [Fact]
    public void An_item_is_on_the_frames_whose_instants_fall_in_its_half_open_range()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(640, 360)
            .Track("t", "first", "second")
            .Solid("first", "#f00", 0, Seconds(1), 0, 0, 10, 10)
            .Solid("second", "#00f", Seconds(1), Seconds(1), 0, 0, 10, 10)
            .ToJson());
        var evaluator = new FrameEvaluator(timeline, Fps30);

        Assert.Equal(60, evaluator.FrameCount);
        Assert.Equal("first", IdsAt(evaluator, 29).Single());
        Assert.Equal("second", IdsAt(evaluator, 30).Single());
        Assert.Equal("second", IdsAt(evaluator, 59).Single());
        Assert.Empty(IdsAt(evaluator, 60));
    }

    [Fact]
    public void Geometry_is_evaluated_at_the_items_own_time()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(640, 360)
            .Track("t", "box")
            .Solid("box", "#f00", Seconds(1), Seconds(2), 0, 0, 10, 10, rotation: 15,
                overrides: [("left", Animated(0, (0, 0), (Seconds(1), 300))), ("opacity", Animated(1, (0, 0.2), (Seconds(2) - 1, 1)))])
            .ToJson());

        var layer = (ItemLayer)new FrameEvaluator(timeline, Fps30).Evaluate(40).Layers.Single();

        Assert.Equal(Seconds(1) / 3.0, layer.LocalTicks, 9);
        Assert.Equal(100, layer.Geometry.Left, 9);
        Assert.Equal(15, layer.Geometry.Rotation);
        Assert.InRange(layer.Geometry.Opacity, 0.33, 0.34);
        Assert.Equal(5, layer.Geometry.CenterX - layer.Geometry.Left);
    }

    [Fact]
    public void A_transition_is_centred_on_the_cut_and_its_clips_play_past_their_edges()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(640, 360)
            .Track("t", "out", "in")
            .Solid("out", "#f00", 0, Seconds(1), 0, 0, 10, 10)
            .Solid("in", "#00f", Seconds(1), Seconds(1), 0, 0, 10, 10)
            .Transition("x", "t", "out", "in", Seconds(0.5), easing: "ease-in-out")
            .ToJson());
        var evaluator = new FrameEvaluator(timeline, Fps30);

        // The window is [0.75 s, 1.25 s): frames 23..37 at 30 fps (22.5 and 37.5 are between frames).
        Assert.IsType<ItemLayer>(evaluator.Evaluate(22).Layers.Single());
        Assert.IsType<TransitionLayer>(evaluator.Evaluate(23).Layers.Single());
        Assert.IsType<TransitionLayer>(evaluator.Evaluate(37).Layers.Single());
        Assert.Equal("in", Assert.IsType<ItemLayer>(evaluator.Evaluate(38).Layers.Single()).Item.Id);

        var middle = Assert.IsType<TransitionLayer>(evaluator.Evaluate(30).Layers.Single());
        Assert.Equal(0.5, middle.LinearProgress, 12);
        Assert.Equal(0.5, middle.Progress, 9);
        Assert.Equal(("out", "in"), (middle.Outgoing.Item.Id, middle.Incoming.Item.Id));

        var late = Assert.IsType<TransitionLayer>(evaluator.Evaluate(36).Layers.Single());
        Assert.Equal(Seconds(1.2), late.Outgoing.LocalTicks, 6); // past its 1 s end
        Assert.Equal(Seconds(0.2), late.Incoming.LocalTicks, 6);
        Assert.Equal(0.9, late.LinearProgress, 9);
        Assert.Equal(EasingCurves.Apply(Easing.EaseInOut, 0.9), late.Progress, 12);

        var early = Assert.IsType<TransitionLayer>(evaluator.Evaluate(24).Layers.Single());
        Assert.Equal(-Seconds(0.2), early.Incoming.LocalTicks, 6); // before its start
        Assert.Equal(Seconds(0.8), early.Outgoing.LocalTicks, 6);
    }

    [Fact]
    public void A_transition_between_clips_that_do_not_touch_is_ignored()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(640, 360)
            .Track("t", "out", "in")
            .Solid("out", "#f00", 0, Seconds(1), 0, 0, 10, 10)
            .Solid("in", "#00f", Seconds(2), Seconds(1), 0, 0, 10, 10)
            .Transition("x", "t", "out", "in", Seconds(0.5))
            .ToJson());

        var plan = new FrameEvaluator(timeline, Fps30).Evaluate(29);

        Assert.Equal("out", Assert.IsType<ItemLayer>(plan.Layers.Single()).Item.Id);
    }

    [Fact]
    public void The_timeline_ends_with_its_last_item_on_any_track()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(640, 360)
            .Track("a", "one")
            .Track("b", "two")
            .Solid("one", "#f00", 0, Seconds(600), 0, 0, 10, 10)
            .Solid("two", "#f00", Seconds(10), Seconds(5), 0, 0, 10, 10)
            .ToJson());

        Assert.Equal(36_000, new FrameEvaluator(timeline, FrameRate.FromFramesPerSecond(60)).FrameCount);
        Assert.Equal(18_000, new FrameEvaluator(timeline, Fps30).FrameCount);
    }

    private static IEnumerable<string> IdsAt(FrameEvaluator evaluator, long frame) =>
        evaluator.Evaluate(frame).Layers.Cast<ItemLayer>().Select(l => l.Item.Id);
}
