using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Rendering;

public sealed class EditorStateReaderTests
{
    private static readonly HashSet<string> ModelledKinds = ["solid", "image", "video", "gif", "text", "captions", "audio", "effect", "filter"];

    public static TheoryData<string> ValidCorpusDocuments() => new(Directory
        .GetFiles(RepoPaths.EditorStateCorpus, "editor-state.valid*.json")
        .Select(Path.GetFileName)
        .OfType<string>()
        .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ValidCorpusDocuments))]
    public void Every_valid_corpus_document_parses_and_lists_the_kinds_it_does_not_model(string name)
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.EditorStateCorpus, name));
        using var raw = JsonDocument.Parse(json);

        var timeline = EditorStateReader.Parse(json);

        var rawItems = raw.RootElement.GetProperty("items").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("type").GetString()!);
        Assert.Equal(rawItems.Keys.Order(), timeline.Items.Keys.Order());
        foreach (var (id, type) in rawItems)
        {
            Assert.Equal(type, timeline.Items[id].Type);
            Assert.Equal(!ModelledKinds.Contains(type), timeline.Items[id] is UnmodelledItem);
        }
        var onTracks = raw.RootElement.GetProperty("tracks").EnumerateArray()
            .SelectMany(t => t.GetProperty("items").EnumerateArray().Select(i => i.GetString()!))
            .Where(id => !ModelledKinds.Contains(rawItems[id]))
            .Order();
        Assert.Equal(onTracks, timeline.UnmodelledItems.Select(i => i.Id).Order());
        Assert.Equal(raw.RootElement.GetProperty("tracks").GetArrayLength(), timeline.Tracks.Count);
        Assert.Equal(raw.RootElement.GetProperty("compositionWidth").GetInt32(), timeline.CompositionWidth);

        // And every frame of it evaluates (the corpus's timelines are short).
        var evaluator = new FrameEvaluator(timeline, FrameRate.FromFramesPerSecond(30));
        for (long frame = 0; frame < evaluator.FrameCount; frame++)
        {
            Assert.NotNull(evaluator.Evaluate(frame));
        }
    }

    [Fact]
    public void The_caption_example_reads_into_a_captions_item_over_its_timed_words()
    {
        var timeline = EditorStateReader.Parse(File.ReadAllText(Path.Combine(RepoPaths.EditorStateCorpus, "editor-state.valid.caption-offset.json")));

        var captions = Assert.IsType<CaptionsItem>(timeline.Items["item-caption-1"]);
        Assert.Equal(("asset-caption-1", 1800.0, 2, 600.0), (captions.AssetId, captions.PageDurationInMilliseconds, captions.MaxLines, captions.ContentStartOffsetMs));
        Assert.Equal((new Color(0xFF, 0xFF, 0xFF), new Color(0x39, 0xE5, 0x08)), (captions.Style.Color, captions.HighlightColor));
        Assert.Equal(("TikTok Sans", "600", 54.0, "center", ""), (captions.Style.FontFamily, captions.Style.FontWeight, captions.Style.FontSize, captions.Style.Align, captions.Style.Text));
        var asset = timeline.Assets["asset-caption-1"];
        Assert.True(asset.WordTiming);
        Assert.Equal([new CaptionEntry("Hello ", 0, 420), new CaptionEntry("world", 420, 900)], asset.Captions);
    }

    [Fact]
    public void The_full_example_reads_into_typed_items()
    {
        var timeline = EditorStateReader.Parse(File.ReadAllText(Path.Combine(RepoPaths.EditorStateCorpus, "editor-state.valid.json")));

        Assert.Equal(["track-main", "track-effect", "track-filter", "track-text"], timeline.Tracks.Select(t => t.Id));
        Assert.Equal(240_000, timeline.TicksPerSecond);
        var solid = Assert.IsType<SolidItem>(timeline.Items["item-solid-1"]);
        Assert.Equal(new Color(0x11, 0x18, 0x27), solid.Color);
        Assert.Equal(SolidShape.Rectangle, solid.Shape);
        Assert.Equal(1920, solid.Geometry.Width.Value);
        var image = Assert.IsType<ImageItem>(timeline.Items["item-image-1"]);
        Assert.Equal("asset-image-1", image.AssetId);
        Assert.True(image.KeepAspectRatio);
        Assert.Equal(new ClipAnimation("fade", 10, Easing.Linear), image.Animations.In);
        var text = Assert.IsType<TextItem>(timeline.Items["item-text-1"]);
        Assert.Equal("Caption animation example", text.Text);
        Assert.Equal("600", text.FontWeight);
        Assert.Equal("center", text.Align);
        Assert.Empty(timeline.UnmodelledItems);
        var filter = Assert.IsType<FilterItem>(timeline.Items["item-filter-1"]);
        Assert.Equal(("cyberpunk-neon", 1.0, 0.65), (filter.FilterType, filter.Intensity, filter.Blend));
        var effect = Assert.IsType<EffectItem>(timeline.Items["item-effect-1"]);
        Assert.Equal(("blur", 1.0), (effect.EffectType, effect.Intensity));
        var transition = Assert.Single(timeline.Transitions);
        Assert.Equal(("fade", Easing.EaseInOut, 15L), (transition.Type, transition.Easing, transition.DurationTicks));
        Assert.Equal(new ColorBackground(new Color(0x11, 0x18, 0x27), null), timeline.Background);
        Assert.Equal("image", timeline.Assets["asset-image-1"].Type);
        Assert.Equal(1920, timeline.Assets["asset-image-1"].Width);
    }

    [Fact]
    public void A_document_that_went_through_a_protobuf_struct_reads_the_same()
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.EditorStateCorpus, "editor-state.valid.json"));
        // As the server holds it: google.protobuf.Struct, every number a double, then back to JSON text.
        var viaStruct = JsonFormatter.Default.Format(JsonParser.Default.Parse<Struct>(json));

        var direct = EditorStateReader.Parse(json);
        var roundTripped = EditorStateReader.Parse(viaStruct);

        Assert.Equal(direct.Items.Keys.Order(), roundTripped.Items.Keys.Order());
        Assert.Equal(direct.DurationTicks, roundTripped.DurationTicks);
        Assert.Equal(((SolidItem)direct.Items["item-solid-1"]).StartTicks, ((SolidItem)roundTripped.Items["item-solid-1"]).StartTicks);
    }

    [Fact]
    public void Integers_written_as_doubles_and_unknown_fields_are_accepted()
    {
        var json = """
            {"compositionWidth": 640.0, "compositionHeight": 360, "timebaseTicksPerSecond": 240000.0, "editorVersion": "9.9",
             "tracks": [{"id": "t", "hidden": false, "muted": false, "items": ["s"], "colour": "teal"}],
             "assets": {}, "transitions": {},
             "items": {"s": {"id": "s", "type": "solid", "color": "rgba(255, 0, 0, 0.5)", "shape": "rectangle",
                             "startTicks": 120.0, "durationTicks": 2400, "isDraggingInTimeline": false, "futureField": {"x": 1},
                             "left": {"value": 5, "keyframes": []}, "top": {"value": 6, "keyframes": []},
                             "width": {"value": 7, "keyframes": []}, "height": {"value": 8, "keyframes": []},
                             "scaleX": {"value": 1, "keyframes": []}, "scaleY": {"value": 1, "keyframes": []},
                             "opacity": {"value": 1, "keyframes": []}, "keepAspectRatio": false,
                             "borderRadius": {"value": 0, "keyframes": []}, "rotation": {"value": 0, "keyframes": []}}}}
            """;

        var timeline = EditorStateReader.Parse(json);

        var solid = Assert.IsType<SolidItem>(timeline.Items["s"]);
        Assert.Equal(120, solid.StartTicks);
        Assert.Equal(new Color(255, 0, 0, 128), solid.Color);
        Assert.Equal(640, timeline.CompositionWidth);
        Assert.Equal(GlobalBackground.None, timeline.Background);
    }

    [Fact]
    public void What_the_renderer_cannot_do_without_is_named_by_its_path()
    {
        var json = new EditorStateDocument(640, 360).Track("t", "a/b").Solid("a/b", "#fff", 0, 100, 0, 0, 1, 1).ToJson()
            .Replace("\"startTicks\":0,", "", StringComparison.Ordinal);

        var error = Assert.Throws<EditorStateFormatException>(() => EditorStateReader.Parse(json));

        Assert.Equal("/items/a~1b/startTicks", error.Path);
    }

    [Fact]
    public void A_colour_the_renderer_cannot_read_is_named_by_its_path()
    {
        var json = new EditorStateDocument(640, 360).Track("t", "s").Solid("s", "not-a-colour", 0, 100, 0, 0, 1, 1).ToJson();

        var error = Assert.Throws<EditorStateFormatException>(() => EditorStateReader.Parse(json));

        Assert.Equal("/items/s/color", error.Path);
    }

    [Theory]
    [InlineData("#f00", 255, 0, 0, 255)]
    [InlineData("#FF000080", 255, 0, 0, 128)]
    [InlineData("#11182780", 0x11, 0x18, 0x27, 0x80)]
    [InlineData("#1234", 0x11, 0x22, 0x33, 0x44)]
    [InlineData("rgb(1, 2, 3)", 1, 2, 3, 255)]
    [InlineData("rgba(10,20,30,0.25)", 10, 20, 30, 64)]
    [InlineData("transparent", 0, 0, 0, 0)]
    public void Colours_are_read_as_css_spells_them(string text, int r, int g, int b, int a)
    {
        Assert.True(Color.TryParse(text, out var color));
        Assert.Equal(new Color((byte)r, (byte)g, (byte)b, (byte)a), color);
    }
}
