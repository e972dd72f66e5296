using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// Captions items through the real ImageMagick (measuring and rasterising words) and ffmpeg (PNG), at 30 fps: pages
/// by duration and by line count, the highlighted word, line timing, the content offset and right-to-left pages.
/// White DejaVu Sans Bold on black; the caption box is at (20, 20), 600 wide.
/// </summary>
public sealed class CaptionLayerTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 240;
    private const double LineHeight = 32 * 1.2;

    private readonly MediaRenderFixture _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task A_new_page_replaces_the_last_when_the_page_duration_has_passed()
    {
        var json = Document(pageDurationMs: 1000, entries: [("I", 0, 500), ("am", 500, 1000), ("WWWWWW", 1000, 1500), ("WWWWWW", 1500, 2000)]);

        // Frame 29 is 967 ms (the first page, "I am"), frame 30 is 1000 ms (the second, two long words).
        var pngs = await _media.RenderAsync(json, Width, Height, 29, 30);

        var first = pngs[0].Ink(IsLight);
        var second = pngs[1].Ink(IsLight);
        Assert.NotEmpty(first);
        Assert.InRange(first.Max(p => p.X), 21, 120);
        Assert.InRange(second.Max(p => p.X), 300, 620);
    }

    [Fact]
    public async Task A_word_that_would_need_more_than_max_lines_starts_a_new_page()
    {
        // Each word fills most of a 300-pixel box, so two words need two lines.
        (string, double, double)[] entries = [("WWWWWWW", 0, 500), ("MMMMMMM", 500, 1000)];
        var oneLine = await _media.RenderAsync(Document(entries: entries, maxLines: 1, boxWidth: 300), Width, Height, 6, 21);
        var twoLines = await _media.RenderAsync(Document(entries: entries, maxLines: 2, boxWidth: 300), Width, Height, 6);

        var secondLineTop = (int)(20 + LineHeight);
        Assert.Empty(oneLine[0].Ink(IsLight, top: secondLineTop));
        Assert.NotEmpty(oneLine[0].Ink(IsLight, bottom: secondLineTop));
        Assert.Empty(oneLine[1].Ink(IsLight, top: secondLineTop));
        Assert.NotEmpty(oneLine[1].Ink(IsLight, bottom: secondLineTop));
        Assert.NotEmpty(twoLines[0].Ink(IsLight, top: secondLineTop));
    }

    [Fact]
    public async Task With_word_timing_the_word_being_spoken_is_in_the_highlight_colour()
    {
        var json = Document(entries: [("AAAA ", 0, 500), ("BBBB", 500, 1000)]);

        // 200 ms: the first word; 700 ms: the second.
        var pngs = await _media.RenderAsync(json, Width, Height, 6, 21);

        var (green, white) = (pngs[0].Ink(IsHighlight), pngs[0].Ink(IsWhite));
        Assert.True(green.Count > 100, $"expected a green word, found {green.Count} green pixels");
        Assert.True(green.Max(p => p.X) < white.Min(p => p.X), "the first word is green, the second white");
        (green, white) = (pngs[1].Ink(IsHighlight), pngs[1].Ink(IsWhite));
        Assert.True(green.Count > 100, $"expected a green word, found {green.Count} green pixels");
        Assert.True(white.Max(p => p.X) < green.Min(p => p.X), "the first word is white, the second green");
    }

    [Fact]
    public async Task With_line_timing_nothing_is_highlighted()
    {
        var json = Document(granularity: "line", entries: [("AAAA BBBB", 0, 1000)]);

        var png = (await _media.RenderAsync(json, Width, Height, 15))[0];

        Assert.Empty(png.Ink(IsHighlight));
        Assert.True(png.Ink(IsWhite).Count > 200);
    }

    [Fact]
    public async Task The_content_start_offset_shows_the_entries_that_much_later()
    {
        var json = Document(contentStartOffsetMs: 600, entries: [("AAAA", 0, 500)]);

        // 300 ms into the item is before the captions start; 700 ms is 100 ms into them.
        var pngs = await _media.RenderAsync(json, Width, Height, 9, 21, 36);

        Assert.Empty(pngs[0].Ink(IsLight));
        Assert.NotEmpty(pngs[1].Ink(IsLight));
        Assert.Empty(pngs[2].Ink(IsLight));
    }

    [Fact]
    public async Task Right_to_left_the_first_word_is_at_the_right()
    {
        var json = Document(direction: "rtl", align: "right", entries: [("AAAA", 0, 500), ("BBBB", 500, 1000)]);

        var png = (await _media.RenderAsync(json, Width, Height, 6))[0];

        var (green, white) = (png.Ink(IsHighlight), png.Ink(IsWhite));
        Assert.NotEmpty(green);
        Assert.True(white.Max(p => p.X) < green.Min(p => p.X), "the spoken (first) word is right of the second");
        Assert.InRange(green.Max(p => p.X), 560, 620);
    }

    private static bool IsLight(Color c) => c.R + c.G + c.B > 200;

    private static bool IsWhite(Color c) => c.R > 200 && c.G > 200 && c.B > 200;

    private static bool IsHighlight(Color c) => c.G > 200 && c.R < 60 && c.B < 60;

    private static string Document((string Text, double StartMs, double EndMs)[] entries, string granularity = "word",
        double pageDurationMs = 5000, int maxLines = 2, double boxWidth = 600, double contentStartOffsetMs = 0,
        string direction = "ltr", string align = "left") =>
        new EditorStateDocument(Width, Height)
            .Track("track-1", "captions")
            .CaptionAsset("caption-1", granularity, entries)
            .Captions("captions", "caption-1", 0, Seconds(3), left: 20, top: 20, width: boxWidth, height: 200, fontSize: 32,
                align: align, pageDurationMs: pageDurationMs, maxLines: maxLines, contentStartOffsetMs: contentStartOffsetMs,
                direction: direction)
            .BackgroundColor("#000000")
            .ToJson();
}
