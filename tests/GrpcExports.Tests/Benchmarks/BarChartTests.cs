using Benchmarks.Charts;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using GrpcExports.Tests.Rendering;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Benchmarks;

/// <summary>
/// The bench program's charts, drawn to PNG through ImageMagick and decoded back: bars are as long as their values
/// say, on one scale with the aim line, and the text of the title is rendered.
/// </summary>
public sealed class BarChartTests
{
    private static readonly Color SeriesColour = new(0x1f, 0x77, 0xb4);
    private static readonly Color AimColour = new(0xd6, 0x27, 0x28);

    [Fact]
    public async Task Bars_and_the_aim_line_are_drawn_to_scale()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "chart.png");
        var chart = new BarChart("Ratios", "ratio", ["ours / baseline"], [new BarGroup("fast", [1]), new BarGroup("slow", [3])], Aim: 2);

        await ChartFile.WritePngAsync(chart, path, CancellationToken.None);

        var png = await DecodeAsync(path);
        // Each bar's rows, but for an anti-aliased edge row, give the same run of the series colour.
        var bars = Enumerable.Range(0, png.Height).Select(y => Run(png, y, SeriesColour)).Where(r => r.Length > 20)
            .GroupBy(r => r).Where(rows => rows.Count() >= 5).Select(rows => rows.Key).ToList();
        Assert.Equal(2, bars.Count);
        var (shortBar, longBar) = (bars.MinBy(b => b.Length), bars.MaxBy(b => b.Length));
        Assert.Equal(shortBar.Start, longBar.Start);
        Assert.InRange(longBar.Length / (double)shortBar.Length, 2.95, 3.05);
        var aimX = Enumerable.Range(0, png.Width).First(x => Enumerable.Range(0, png.Height).Count(y => Near(png[x, y], AimColour)) > 40);
        Assert.InRange((aimX - shortBar.Start) / (double)shortBar.Length, 1.95, 2.05);
        // The title's dark glyphs in the top band: SVG text is rendered, not dropped.
        Assert.Contains(Enumerable.Range(0, png.Width), x => Enumerable.Range(8, 22).Any(y => png[x, y].R < 80));
    }

    [Fact]
    public void A_group_without_a_value_for_every_series_is_refused()
    {
        var chart = new BarChart("t", "u", ["a", "b"], [new BarGroup("g", [1])]);

        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }

    private static (int Start, int Length) Run(DecodedPng png, int y, Color colour)
    {
        var xs = Enumerable.Range(0, png.Width).Where(x => Near(png[x, y], colour)).ToList();
        // From the first pixel of the colour to the last: the aim line's dashes may cross a bar.
        return xs.Count == 0 ? (0, 0) : (xs[0], xs[^1] - xs[0] + 1);
    }

    private static bool Near(Color a, Color b) => Math.Abs(a.R - b.R) + Math.Abs(a.G - b.G) + Math.Abs(a.B - b.B) < 30;

    private static async Task<DecodedPng> DecodeAsync(string path)
    {
        using var size = new StringWriter();
        await ToolProcess.RunAsync(MediaTools.Default.ImageMagickIdentify, ["-format", "%w %h", path],
            readOutput: async (output, token) => size.Write(await new StreamReader(output).ReadToEndAsync(token)));
        var dimensions = size.ToString().Split(' ').Select(int.Parse).ToArray();
        return await DecodedPng.ReadAsync(path, dimensions[0], dimensions[1]);
    }
}
