using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// Each caption animation, rendered by the real ImageMagick and ffmpeg at 30 fps, against the same page at rest: a
/// 4-second page in white DejaVu Sans Bold on black, centred in a 600-wide box, with a 1-second animation (frame 15 is
/// its middle). Every assertion fails if the animation does nothing.
/// </summary>
public sealed class CaptionAnimationTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 240;
    private const int RestFrame = 60;

    private readonly MediaRenderFixture _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task Converge_brings_the_words_in_from_further_out_fading_in()
    {
        var (rest, moving) = await RenderAsync(["HHH", "HHH"], "in", "converge", 15);

        var resting = rest.Ink(IsInk);
        var converging = moving.Ink(IsInk);
        Assert.True(converging.Min(p => p.X) < resting.Min(p => p.X) - 20, "the left word starts further left");
        Assert.True(converging.Max(p => p.X) > resting.Max(p => p.X) + 20, "the right word starts further right");
        Assert.True(moving.Ink(IsWhite).Count < resting.Count / 4, "half-way the words are half transparent");
    }

    [Fact]
    public async Task Elastic_pop_grows_the_words_from_small_past_their_size()
    {
        var (rest, pngs) = await RenderFramesAsync(["HHHHHH"], "in", "elastic-pop", [1, 5]);

        var restWidth = Span(rest.Ink(IsInk));
        Assert.True(Span(pngs[0].Ink(IsInk)) < restWidth * 0.6, "at 3% the word is small");
        Assert.True(Span(pngs[1].Ink(IsInk)) > restWidth * 1.15, "at 17% it overshoots its size");
    }

    [Fact]
    public async Task Typewriter_shows_the_first_half_of_the_characters_half_way()
    {
        var (rest, typing) = await RenderAsync(["HHHHHHHHHH"], "in", "typewriter", 15);

        var resting = rest.Ink(IsInk);
        var typed = typing.Ink(IsInk);
        Assert.InRange(typed.Min(p => p.X), resting.Min(p => p.X) - 1, resting.Min(p => p.X) + 1);
        Assert.InRange(Span(typed), Span(resting) * 0.4, Span(resting) * 0.6);
    }

    [Fact]
    public async Task Lay_down_brings_the_word_down_from_above_tilted()
    {
        var (rest, falling) = await RenderAsync(["HHHHHH"], "in", "lay-down", 15);

        var resting = rest.Ink(IsInk);
        var tilted = falling.Ink(IsInk);
        Assert.True(tilted.Min(p => p.Y) < resting.Min(p => p.Y) - 10, "the word is raised");
        Assert.True(Span(tilted, p => p.Y) > Span(resting, p => p.Y) + 10, "and tilted, so it spans more rows");
    }

    [Fact]
    public async Task Center_type_out_shows_the_middle_of_the_line_half_way()
    {
        var (rest, typing) = await RenderAsync(["HHHHHHHHHH"], "in", "center-type-out", 15);

        AssertMiddleHalfShown(rest.Ink(IsInk), typing.Ink(IsInk));
    }

    [Fact]
    public async Task Curtain_close_hides_the_page_from_both_sides_as_it_leaves()
    {
        // The page ends at 4 s: 3.5 s is half-way through a 1-second out animation, 3.967 s nearly its end.
        var (rest, pngs) = await RenderFramesAsync(["HHHHHHHHHH"], "out", "curtain-close", [105, 119]);

        AssertMiddleHalfShown(rest.Ink(IsInk), pngs[0].Ink(IsInk));
        Assert.True(Span(pngs[1].Ink(IsInk)) < Span(rest.Ink(IsInk)) * 0.1, "nearly closed");
    }

    [Fact]
    public async Task Jitter_shakes_the_words_while_it_loops()
    {
        var (rest, pngs) = await RenderFramesAsync(["HHHHHH"], "loop", "jitter", [3, 6, 9, 12, 15]);

        var (restX, restY) = Centroid(rest.Ink(IsInk));
        var largest = pngs.Select(png => Centroid(png.Ink(IsInk))).Max(c => Math.Max(Math.Abs(c.X - restX), Math.Abs(c.Y - restY)));
        Assert.True(largest > 1, $"the word moved at most {largest:0.00} pixels from its place");
    }

    [Fact]
    public async Task Rainbow_colours_the_words_round_the_hue_circle()
    {
        var (rest, pngs) = await RenderFramesAsync(["HHHHHH"], "loop", "rainbow", [0, 6]);

        Assert.Empty(rest.Ink(c => c.R > 200 && c.G < 60 && c.B < 60));
        Assert.True(pngs[0].Ink(c => c.R > 200 && c.G < 60 && c.B < 60).Count > 200, "at 0 ms the word is red");
        Assert.True(pngs[1].Ink(c => c.R > 200 && c.G > 200 && c.B < 60).Count > 200, "at 200 ms (two hue steps) it is yellow");
    }

    [Fact]
    public async Task Sweep_shine_lightens_a_band_of_the_glyphs()
    {
        var (rest, pngs) = await RenderFramesAsync(["HHHHHH"], "in", "sweep-shine", [15], color: "#0000ff");

        Assert.Empty(rest.Ink(c => c.R > 100));
        var lit = pngs[0].Ink(c => c.R > 100 && c.G > 100 && c.B > 200);
        Assert.True(lit.Count > 50, $"expected lightened glyph pixels, found {lit.Count}");
        Assert.True(Span(lit) < Span(rest.Ink(IsInk)) / 2, "only a band is lit");
    }

    private static void AssertMiddleHalfShown(List<(int X, int Y)> resting, List<(int X, int Y)> shown)
    {
        var (left, right) = (resting.Min(p => p.X), resting.Max(p => p.X));
        var quarter = (right - left) / 4.0;
        Assert.InRange(shown.Min(p => p.X), left + quarter * 0.8, left + quarter * 1.25);
        Assert.InRange(shown.Max(p => p.X), right - quarter * 1.25, right - quarter * 0.8);
    }

    private static bool IsInk(Color c) => c.R + c.G + c.B > 60;

    private static bool IsWhite(Color c) => c.R > 240 && c.G > 240 && c.B > 240;

    private static double Span(List<(int X, int Y)> ink) => Span(ink, p => p.X);

    private static double Span(List<(int X, int Y)> ink, Func<(int X, int Y), int> axis) => ink.Max(axis) - ink.Min(axis) + 1;

    private static (double X, double Y) Centroid(List<(int X, int Y)> ink) => (ink.Average(p => p.X), ink.Average(p => p.Y));

    private async Task<(DecodedPng AtRest, DecodedPng Animated)> RenderAsync(string[] words, string slot, string type, long frame)
    {
        var (rest, pngs) = await RenderFramesAsync(words, slot, type, [frame]);
        return (rest, pngs[0]);
    }

    /// <summary>The page at rest (frame 60 without animations) and <paramref name="frames"/> with the animation.</summary>
    private async Task<(DecodedPng AtRest, IReadOnlyList<DecodedPng> Animated)> RenderFramesAsync(string[] words, string slot,
        string type, long[] frames, string color = "#ffffff")
    {
        var rest = (await _media.RenderAsync(Document(words, color).ToJson(), Width, Height, RestFrame))[0];
        var animated = await _media.RenderAsync(Document(words, color).CaptionAnimation("captions", slot, type, Seconds(1)).ToJson(),
            Width, Height, frames);
        return (rest, animated);
    }

    /// <summary>All <paramref name="words"/> on one page from 0 to 4 s, in one colour (the highlight is the same).</summary>
    private static EditorStateDocument Document(string[] words, string color) =>
        new EditorStateDocument(Width, Height)
            .Track("track-1", "captions")
            .CaptionAsset("caption-1", "word", [.. words.Select(word => (word, 0.0, 4000.0))])
            .Captions("captions", "caption-1", 0, Seconds(4), left: 20, top: 60, width: 600, height: 120, color: color,
                highlightColor: color, fontSize: 64, align: "center", pageDurationMs: 5000, maxLines: 1)
            .BackgroundColor("#000000");
}
