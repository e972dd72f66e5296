using System.Text.Json.Nodes;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Tests.EditorState.Validation;

/// <summary>The timeline rules beyond the schema (DESIGN.md section 3): each broken once, and at its boundary where it holds.</summary>
public sealed class TimelineRuleTests
{
    [Fact]
    public void The_base_document_is_valid()
    {
        Assert.Empty(new TimelineDocument().Findings());
    }

    [Fact]
    public void Items_that_overlap_on_one_track_are_refused_at_the_later_start()
    {
        var document = new TimelineDocument();
        document.Item("a2")["startTicks"] = 99;
        document.Root["transitions"] = new JsonObject();

        var violation = Assert.Single(document.Validate().Violations);

        Assert.Equal((ViolationKind.ItemsOverlap, "/items/a2/startTicks"), (violation.Kind, violation.Path));
        Assert.Equal(["/items/a1", "/tracks/0/items/1"], violation.RelatedPaths);
        Assert.Contains("a1", violation.Message);
    }

    [Fact]
    public void An_item_inside_a_longer_one_overlaps_it_even_when_listed_first()
    {
        var document = new TimelineDocument();
        document.AddSolid("a0", 150, 10);
        document.TrackItems(0).Insert(0, "a0");
        document.AddSolid("a3", 120, 100);
        document.TrackItems(0).Add("a3");

        Assert.Equal(["ItemsOverlap /items/a3/startTicks", "ItemsOverlap /items/a0/startTicks"], document.Findings());
    }

    [Fact]
    public void Items_that_touch_or_sit_on_different_tracks_do_not_overlap()
    {
        var document = new TimelineDocument();
        document.AddSolid("b2", 10, 500);
        document.TrackItems(1).Add("b2");
        document.Item("b1")["durationTicks"] = 10;

        Assert.Empty(document.Findings());
    }

    [Fact]
    public void An_item_on_no_track_is_refused()
    {
        var document = new TimelineDocument();
        document.AddSolid("loose", 500, 10);

        Assert.Equal(["ItemNotOnTrack /items/loose"], document.Findings());
    }

    [Fact]
    public void An_item_on_two_tracks_or_twice_on_one_is_refused_at_the_second_listing()
    {
        var document = new TimelineDocument();
        document.TrackItems(1).Add("a1");
        document.TrackItems(0).Add("a2");

        var violations = document.Validate().Violations.Where(v => v.Kind == ViolationKind.ItemOnSeveralTracks).ToList();

        Assert.Equal(["/tracks/0/items/2", "/tracks/1/items/1"], violations.Select(v => v.Path));
        Assert.Equal(["/tracks/0/items/1"], violations[0].RelatedPaths);
        Assert.Equal(["/tracks/0/items/0"], violations[1].RelatedPaths);
    }

    [Fact]
    public void A_track_listing_an_unknown_item_is_refused()
    {
        var document = new TimelineDocument();
        document.TrackItems(1).Add("ghost");

        Assert.Equal(["UnknownReference /tracks/1/items/1"], document.Findings());
    }

    [Fact]
    public void A_keyframe_at_the_item_duration_is_refused_and_one_tick_before_it_passes()
    {
        var document = new TimelineDocument();
        var opacity = document.Item("a1")["opacity"]!["keyframes"]!.AsArray();
        opacity.Add(new JsonObject { ["timeTicks"] = 0, ["value"] = 0 });
        opacity.Add(new JsonObject { ["timeTicks"] = 99, ["value"] = 1 });
        Assert.Empty(document.Findings());

        opacity.Add(new JsonObject { ["timeTicks"] = 100, ["value"] = 1 });

        Assert.Equal(["KeyframeOutOfRange /items/a1/opacity/keyframes/2/timeTicks"], document.Findings());
    }

    [Fact]
    public void A_negative_keyframe_time_breaks_the_schema_minimum()
    {
        var document = new TimelineDocument();
        document.Item("b1")["left"]!["keyframes"]!.AsArray().Add(new JsonObject { ["timeTicks"] = -1, ["value"] = 0 });

        Assert.Equal(["minimum /items/b1/left/keyframes/0/timeTicks"], document.Findings());
    }

    [Fact]
    public void A_transition_between_clips_with_a_gap_is_refused()
    {
        var document = new TimelineDocument();
        document.Item("a2")["startTicks"] = 101;

        var violation = Assert.Single(document.Validate().Violations);

        Assert.Equal((ViolationKind.TransitionNotAdjacent, "/transitions/t1/toClipId"), (violation.Kind, violation.Path));
        Assert.Equal(["/items/a1", "/items/a2"], violation.RelatedPaths);
    }

    [Fact]
    public void A_transition_in_the_wrong_order_is_refused()
    {
        var document = new TimelineDocument();
        document.Transition("t1")["fromClipId"] = "a2";
        document.Transition("t1")["toClipId"] = "a1";

        Assert.Equal(["TransitionNotAdjacent /transitions/t1/toClipId"], document.Findings());
    }

    [Fact]
    public void A_transition_to_a_clip_of_another_track_or_an_unknown_one_is_refused()
    {
        var document = new TimelineDocument();
        document.Transition("t1")["fromClipId"] = "b1";
        document.Transition("t1")["toClipId"] = "nothing";

        Assert.Equal(["TransitionNotAdjacent /transitions/t1/fromClipId", "UnknownReference /transitions/t1/toClipId"], document.Findings());
    }

    [Fact]
    public void A_transition_on_an_unknown_track_is_refused()
    {
        var document = new TimelineDocument();
        document.Transition("t1")["trackId"] = "track-z";

        Assert.Equal(["UnknownReference /transitions/t1/trackId"], document.Findings());
    }

    [Theory]
    [InlineData("wipe", "sideways")]
    [InlineData("slide", "from-middle")]
    [InlineData("flip", "from-top-left")]
    public void A_transition_direction_its_type_does_not_have_is_refused_at_the_value(string type, string direction)
    {
        var document = new TimelineDocument();
        document.Transition("t1")["type"] = type;
        document.Transition("t1")["params"] = new JsonObject { ["direction"] = direction };

        var violation = Assert.Single(document.Validate().Violations);

        Assert.Equal("enum /transitions/t1/params/direction", ViolationLines.Of(violation));
        Assert.Contains($"'{direction}'", violation.Message);
    }

    [Theory]
    [InlineData("wipe", "from-bottom-right")]
    [InlineData("slide", "from-top")]
    [InlineData("flip", "from-bottom")]
    [InlineData("fade", "from-left")]
    [InlineData("iris", "sideways")]
    [InlineData("clock-wipe", "from-top")]
    public void A_transition_direction_its_type_has_or_ignores_passes(string type, string direction)
    {
        var document = new TimelineDocument();
        document.Transition("t1")["type"] = type;
        document.Transition("t1")["params"] = new JsonObject { ["direction"] = direction, ["other"] = 3 };

        Assert.Empty(document.Findings());
    }

    [Fact]
    public void A_transition_direction_that_is_not_a_string_is_refused()
    {
        var document = new TimelineDocument();
        document.Transition("t1")["type"] = "slide";
        document.Transition("t1")["params"] = new JsonObject { ["direction"] = 90 };

        Assert.Equal(["enum /transitions/t1/params/direction"], document.Findings());
    }

    [Fact]
    public void A_transition_as_long_as_its_shorter_clip_passes_and_a_longer_one_is_refused()
    {
        var document = new TimelineDocument();
        document.Transition("t1")["durationTicks"] = 100;
        Assert.Empty(document.Findings());

        document.Transition("t1")["durationTicks"] = 101;

        Assert.Equal(["TransitionNotAdjacent /transitions/t1/durationTicks"], document.Findings());
    }

    [Fact]
    public void An_item_using_an_asset_the_document_does_not_have_is_refused()
    {
        var document = new TimelineDocument();
        document.Item("b1")["assetId"] = "asset-2";

        Assert.Equal(["UnknownAsset /items/b1/assetId"], document.Findings());
    }

    [Fact]
    public void An_entry_whose_id_differs_from_its_key_is_refused()
    {
        var document = new TimelineDocument();
        document.Item("a1")["id"] = "a-one";
        document.Transition("t1")["id"] = "t-one";

        Assert.Equal(["IdMismatch /items/a1/id", "IdMismatch /transitions/t1/id"], document.Findings());
    }
}
