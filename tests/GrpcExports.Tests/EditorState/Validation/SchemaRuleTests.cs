using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.EditorState.Validation;

namespace GrpcExports.Tests.EditorState.Validation;

/// <summary>How schema violations are reported: where, with which keyword, all of them, in a stable order.</summary>
public sealed class SchemaRuleTests
{
    [Fact]
    public void Unknown_properties_pass_where_the_schema_leaves_objects_open()
    {
        var document = new TimelineDocument();
        document.Root["editorVersion"] = "3.2.1";
        document.Item("a1")["label"] = new JsonObject { ["note"] = "kept as sent" };
        document.Root["assets"]!["asset-1"]!["exif"] = new JsonArray(1, 2);

        Assert.Empty(document.Findings());
    }

    [Fact]
    public void Unknown_properties_are_refused_where_the_schema_closes_objects()
    {
        var document = new TimelineDocument();
        document.Root["tracks"]![0]!["locked"] = true;
        document.Transition("t1")["note"] = "x";
        document.Item("a1")["opacity"]!["unit"] = "%";

        Assert.Equal(
            ["additionalProperties /tracks/0/locked", "additionalProperties /items/a1/opacity/unit", "additionalProperties /transitions/t1/note"],
            document.Findings());
    }

    [Fact]
    public void A_missing_required_property_is_reported_where_it_belongs()
    {
        var document = new TimelineDocument();
        document.Item("a2").Remove("durationTicks");
        document.Root.Remove("assets");

        var findings = document.Findings();

        Assert.Equal(["required /assets", "required /items/a2/durationTicks", "UnknownAsset /items/b1/assetId"], findings);
    }

    [Fact]
    public void Types_ranges_enums_and_constants_are_each_reported()
    {
        var document = new TimelineDocument();
        document.Root["compositionWidth"] = 1921;
        document.Root["compositionHeight"] = "720";
        document.Root["timebaseTicksPerSecond"] = 1000;
        document.Item("a1")["shape"] = "hexagon";
        document.Item("a1")["durationTicks"] = 99.5;
        document.Item("b1")["keepAspectRatio"] = "yes";

        var violations = document.Validate().Violations;

        Assert.Equal(
            [
                "maximum /compositionWidth", "type /compositionHeight", "const /timebaseTicksPerSecond", "type /items/a1/durationTicks",
                "enum /items/a1/shape", "type /items/b1/keepAspectRatio",
            ],
            violations.Select(ViolationLines.Of));
        Assert.All(violations, v => Assert.Equal(ViolationSeverity.Error, v.Severity));
        Assert.Equal("compositionWidth must be at most 1920; it is 1921.", violations[0].Message);
        Assert.Equal("shape must be one of rectangle, circle, triangle, star; it is \"hexagon\".", violations[4].Message);
    }

    [Fact]
    public void An_item_type_the_schema_does_not_know_is_reported_at_its_type()
    {
        var document = new TimelineDocument();
        document.Item("a1")["type"] = "hologram";
        document.Item("a2").Remove("type");

        Assert.Equal(["enum /items/a1/type", "required /items/a2/type"], document.Findings());
    }

    [Fact]
    public void A_chart_is_checked_against_the_data_shape_its_chart_type_names()
    {
        var document = new TimelineDocument();
        var chart = document.AddSolid("c1", 50, 10);
        chart["type"] = "chart";
        chart["chartType"] = "pie";
        chart["themeColor"] = "#000";
        chart["animationDurationTicks"] = 0;
        chart["data"] = new JsonObject { ["slices"] = new JsonArray(new JsonObject { ["label"] = "Jan", ["value"] = -1 }) };
        document.Root["tracks"]![1]!["items"]!.AsArray().Add("c1");

        Assert.Equal(["minimum /items/c1/data/slices/0/value"], document.Findings());
    }

    [Fact]
    public void Keys_with_slash_and_tilde_are_escaped_in_pointers()
    {
        var document = new TimelineDocument();
        document.AddSolid("a/b~c", 300, 10)["shape"] = "blob";
        document.TrackItems(0).Add("a/b~c");

        Assert.Equal(["enum /items/a~1b~0c/shape"], document.Findings());
    }

    [Fact]
    public void The_same_document_gives_the_same_violations_in_the_same_order()
    {
        var document = new TimelineDocument();
        document.Root.Remove("tracks");
        document.Item("a1")["color"] = 3;
        document.Item("b1")["assetId"] = "";
        document.Transition("t1")["type"] = "spin";

        var first = document.Validate().Violations;
        var second = document.Validate().Violations;

        Assert.Equal(first, second);
        Assert.Equal(
            [
                "required /tracks", "type /items/a1/color", "minLength /items/b1/assetId", "enum /transitions/t1/type",
                "ItemNotOnTrack /items/a1", "ItemNotOnTrack /items/a2", "ItemNotOnTrack /items/b1", "UnknownReference /transitions/t1/trackId",
            ],
            first.Select(ViolationLines.Of));
    }

    [Fact]
    public void Numbers_json_cannot_hold_make_the_document_unstorable()
    {
        var document = new TimelineDocument().ToStruct();
        document.Fields["items"].StructValue.Fields["a1"].StructValue.Fields["startTicks"] = Value.ForNumber(double.NaN);

        var report = EditorStateValidator.Validate(document);

        Assert.False(report.Storable);
        Assert.False(report.Valid);
        Assert.Equal("/items/a1/startTicks", Assert.Single(report.Violations).Path);
    }
}
