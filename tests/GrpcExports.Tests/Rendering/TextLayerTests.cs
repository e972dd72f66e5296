using System.Text.Json.Nodes;
using GrpcExports.Rendering.Text;
using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>Text items rasterised by the real ImageMagick, composited, written by ffmpeg and read back.</summary>
public sealed class TextLayerTests : IDisposable
{
    private const int Width = 800;
    private const int Height = 300;

    private readonly MediaRenderFixture _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task Text_puts_dark_ink_inside_its_box_and_nothing_outside()
    {
        var json = new EditorStateDocument(Width, Height)
            .Track("track-1", "title")
            .Text("title", "Hello, world", 0, Seconds(1), left: 100, top: 100, width: 500, height: 100, fontSize: 40)
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await _media.RenderAsync(json, Width, Height);

        var ink = png.Ink(c => c.R < 100 && c.G < 100 && c.B < 100);
        Assert.True(ink.Count > 200, $"expected dark text pixels, found {ink.Count}");
        Assert.All(ink, p => Assert.True(p.X is >= 100 and < 600 && p.Y is >= 100 and < 200, $"ink at ({p.X}, {p.Y}) is outside the box"));
        var marked = png.Ink(c => c != Color.White);
        Assert.All(marked, p => Assert.True(p.X is >= 100 and < 600 && p.Y is >= 100 and < 200, $"({p.X}, {p.Y}) outside the box is not white"));
    }

    [Fact]
    public async Task Text_is_drawn_in_its_colour()
    {
        var json = new EditorStateDocument(Width, Height)
            .Track("track-1", "title")
            .Text("title", "HHH", 0, Seconds(1), left: 100, top: 50, width: 500, height: 200, color: "#ff0000", fontSize: 120, weight: "700")
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await _media.RenderAsync(json, Width, Height);

        // Inside the bold stems the colour is exact; at their antialiased edges it is red over white (G == B).
        var solid = png.Ink(c => Math.Abs(c.R - 255) <= 2 && c.G <= 2 && c.B <= 2);
        Assert.True(solid.Count > 500, $"expected solid red stems, found {solid.Count} pixels");
        Assert.All(png.Ink(c => c != Color.White), p => Assert.True(Math.Abs(png[p.X, p.Y].G - png[p.X, p.Y].B) <= 2,
            $"({p.X}, {p.Y}) is {png[p.X, p.Y]}, not red over white"));
    }

    [Fact]
    public async Task Right_alignment_puts_the_ink_at_the_right_of_the_box_and_left_at_the_left()
    {
        var json = new EditorStateDocument(Width, Height)
            .Track("track-1", "right")
            .Track("track-2", "left")
            .Text("right", "Hi", 0, Seconds(1), left: 100, top: 20, width: 600, height: 80, align: "right", fontSize: 40)
            .Text("left", "Hi", 0, Seconds(1), left: 100, top: 150, width: 600, height: 80, align: "left", fontSize: 40)
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await _media.RenderAsync(json, Width, Height);

        var right = png.Ink(c => c.R < 128, top: 20, bottom: 100);
        var left = png.Ink(c => c.R < 128, top: 150, bottom: 230);
        Assert.NotEmpty(right);
        Assert.NotEmpty(left);
        Assert.InRange(right.Min(p => p.X), 600, 700);
        Assert.InRange(right.Max(p => p.X), 660, 699);
        Assert.InRange(left.Min(p => p.X), 100, 115);
        Assert.InRange(left.Max(p => p.X), 100, 200);
    }

    [Fact]
    public async Task A_background_box_is_drawn_behind_the_text_in_its_colour()
    {
        var json = new EditorStateDocument(Width, Height)
            .Track("track-1", "title")
            .Text("title", "Boxed", 0, Seconds(1), left: 100, top: 100, width: 500, height: 100, color: "#ffffff",
                fontSize: 40, background: new JsonObject { ["color"] = "#0000ff", ["horizontalPadding"] = 0, ["borderRadius"] = 0 })
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await _media.RenderAsync(json, Width, Height);

        var blue = png.Ink(c => c.B > 200 && c.R < 30 && c.G < 30);
        Assert.True(blue.Count > 500, $"expected a blue box behind the line, found {blue.Count} pixels");
        Assert.All(blue, p => Assert.True(p.X is >= 100 and < 600 && p.Y is >= 100 and < 200, $"blue at ({p.X}, {p.Y}) is outside the box"));
    }

    [Fact]
    public async Task Long_text_wraps_onto_several_lines_inside_its_box()
    {
        var json = new EditorStateDocument(Width, Height)
            .Track("track-1", "title")
            .Text("title", "one two three four five six seven", 0, Seconds(1), left: 100, top: 20, width: 260, height: 260, fontSize: 32)
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await _media.RenderAsync(json, Width, Height);

        var ink = png.Ink(c => c != Color.White);
        Assert.NotEmpty(ink);
        Assert.All(ink, p => Assert.True(p.X is >= 100 and < 360 && p.Y is >= 20 and < 280, $"({p.X}, {p.Y}) is outside the box"));
        // Three or more lines of 32 px text at line height 1.2 (38.4 px apart).
        Assert.True(ink.Max(p => p.Y) - ink.Min(p => p.Y) > 2 * 38, "the text did not wrap onto three lines");
    }

    [Theory]
    [InlineData("400", "DejaVuSans.ttf")]
    [InlineData("normal", "DejaVuSans.ttf")]
    [InlineData("700", "DejaVuSans-Bold.ttf")]
    [InlineData("bold", "DejaVuSans-Bold.ttf")]
    public void The_weight_chooses_the_installed_font_file(string weight, string file)
    {
        var font = new FontResolver().FileFor("DejaVu Sans", weight, italic: false);

        Assert.Equal(file, Path.GetFileName(font));
    }

    [Fact]
    public async Task A_text_item_is_rasterised_once_for_all_its_frames()
    {
        var json = new EditorStateDocument(Width, Height)
            .Track("track-1", "title")
            .Text("title", "Once", 0, Seconds(1), left: 100, top: 100, width: 500, height: 100)
            .BackgroundColor("#ffffff")
            .ToJson();

        await _media.RenderAsync(json, Width, Height, 0, 5, 29);

        Assert.Equal(1, _media.Magick.Runs);
    }

    [Fact]
    public async Task Right_to_left_text_is_drawn_whole_at_the_width_of_the_same_text_left_to_right()
    {
        var json = new EditorStateDocument(Width, Height)
            .Track("track-1", "rtl")
            .Track("track-2", "ltr")
            .Text("rtl", "Hello world", 0, Seconds(1), left: 100, top: 20, width: 600, height: 80, fontSize: 40, direction: "rtl")
            .Text("ltr", "Hello world", 0, Seconds(1), left: 100, top: 150, width: 600, height: 80, fontSize: 40)
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await _media.RenderAsync(json, Width, Height);

        var rtl = png.Ink(c => c.R < 128, top: 20, bottom: 100);
        var ltr = png.Ink(c => c.R < 128, top: 150, bottom: 230);
        var width = ltr.Max(p => p.X) - ltr.Min(p => p.X);
        Assert.InRange(rtl.Max(p => p.X) - rtl.Min(p => p.X), width - 2, width + 2);
        Assert.InRange(rtl.Count, ltr.Count * 0.95, ltr.Count * 1.05);
    }

    [Theory]
    [InlineData("Hello world", true, "Hello world")]
    [InlineData("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", true, "\u05dd\u05dc\u05d5\u05e2 \u05dd\u05d5\u05dc\u05e9")]
    [InlineData("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", false, "\u05dd\u05dc\u05d5\u05e2 \u05dd\u05d5\u05dc\u05e9")]
    [InlineData("\u05e9\u05dc\u05d5\u05dd world", true, "world \u05dd\u05d5\u05dc\u05e9")]
    [InlineData("abc \u05e9\u05dc\u05d5\u05dd def", false, "abc \u05dd\u05d5\u05dc\u05e9 def")]
    [InlineData("\u05d0\u05d1\n\u05d2\u05d3", true, "\u05d1\u05d0\n\u05d3\u05d2")]
    public void Right_to_left_letters_are_put_in_drawing_order(string text, bool rightToLeft, string drawn)
    {
        Assert.Equal(drawn, VisualOrder.Of(text, rightToLeft));
    }

    [Fact]
    public void User_text_is_not_read_as_imagemagick_escapes_or_a_file_name()
    {
        Assert.Equal("100%% sure", TextRasterizer.Escape("100% sure"));
        Assert.Equal("\\@etc/passwd", TextRasterizer.Escape("@etc/passwd"));
    }
}
