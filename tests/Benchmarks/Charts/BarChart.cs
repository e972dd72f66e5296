using System.Globalization;
using System.Security;
using System.Text;

namespace Benchmarks.Charts;

/// <summary>One row label with a value per series (a bar each), for example a percentile with ours and the baseline.</summary>
public sealed record BarGroup(string Label, IReadOnlyList<double> Values);

/// <summary>
/// A grouped horizontal bar chart, drawn as SVG: per group one bar per series, each labelled with its value, and an
/// optional aim drawn as a dashed line across the groups (ratio 1.0, 250 fps, 15 ms). <see cref="ChartFile"/> turns it
/// into a PNG.
/// </summary>
public sealed record BarChart(string Title, string Unit, IReadOnlyList<string> Series, IReadOnlyList<BarGroup> Groups,
    double? Aim = null, string? AimLabel = null)
{
    private const int Width = 960, LabelWidth = 230, Right = 110, Top = 80, BarHeight = 22, GroupGap = 18, AxisHeight = 40;
    private static readonly string[] Colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"];

    public string ToSvg()
    {
        if (Groups.Any(g => g.Values.Count != Series.Count))
        {
            throw new ArgumentException("Every group needs one value per series.");
        }
        var plotWidth = Width - LabelWidth - Right;
        var groupHeight = Series.Count * BarHeight + GroupGap;
        var height = Top + Groups.Count * groupHeight + AxisHeight;
        var scaleMax = NiceCeiling(Math.Max(Groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max(), Aim ?? 0) * 1.05);
        double X(double value) => LabelWidth + plotWidth * Math.Max(0, value) / scaleMax;

        var svg = new StringBuilder();
        svg.Append(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" font-family="DejaVu Sans" font-size="13" stroke="none">"""));
        svg.Append(Invariant($"""<rect width="{Width}" height="{height}" fill="white"/>"""));
        svg.Append(Invariant($"""<text x="{Width / 2}" y="26" text-anchor="middle" font-size="17" font-weight="bold">{Escape(Title)}</text>"""));
        for (var s = 0; s < Series.Count; s++)
        {
            var x = LabelWidth + s * 200;
            svg.Append(Invariant($"""<rect x="{x}" y="42" width="14" height="14" fill="{Colours[s % Colours.Length]}"/>"""));
            svg.Append(Invariant($"""<text x="{x + 20}" y="54">{Escape(Series[s])}</text>"""));
        }
        for (var tick = 0; tick <= 5; tick++)
        {
            var value = scaleMax * tick / 5;
            var x = X(value);
            svg.Append(Invariant($"""<line x1="{x:0.#}" y1="{Top - 6}" x2="{x:0.#}" y2="{height - AxisHeight}" stroke="#dddddd"/>"""));
            svg.Append(Invariant($"""<text x="{x:0.#}" y="{height - AxisHeight + 18}" text-anchor="middle">{Format(value)}</text>"""));
        }
        svg.Append(Invariant($"""<text x="{LabelWidth + plotWidth / 2}" y="{height - 6}" text-anchor="middle">{Escape(Unit)}</text>"""));
        for (var g = 0; g < Groups.Count; g++)
        {
            var groupTop = Top + g * groupHeight;
            svg.Append(Invariant($"""<text x="{LabelWidth - 10}" y="{groupTop + Series.Count * BarHeight / 2.0 + 5:0.#}" text-anchor="end">{Escape(Groups[g].Label)}</text>"""));
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Groups[g].Values[s];
                var y = groupTop + s * BarHeight;
                svg.Append(Invariant($"""<rect x="{LabelWidth}" y="{y + 2}" width="{X(value) - LabelWidth:0.#}" height="{BarHeight - 4}" fill="{Colours[s % Colours.Length]}"/>"""));
                svg.Append(Invariant($"""<text x="{X(value) + 6:0.#}" y="{y + BarHeight - 7}">{Format(value)}</text>"""));
            }
        }
        if (Aim is { } aim)
        {
            var x = X(aim);
            svg.Append(Invariant($"""<line x1="{x:0.#}" y1="{Top - 8}" x2="{x:0.#}" y2="{height - AxisHeight}" stroke="#d62728" stroke-width="2" stroke-dasharray="6,4"/>"""));
            svg.Append(Invariant($"""<text x="{x + 4:0.#}" y="{Top - 10}" fill="#d62728">{Escape(AimLabel ?? "aim " + Format(aim))}</text>"""));
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Format(double value) => value.ToString(Math.Abs(value) >= 100 ? "#,0" : Math.Abs(value) >= 10 ? "0.#" : "0.##",
        CultureInfo.InvariantCulture);

    // A round number times a power of ten, at least the value, so the five axis ticks fall on round numbers.
    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 }.Select(step => step * power).First(candidate => candidate >= value);
    }
}
