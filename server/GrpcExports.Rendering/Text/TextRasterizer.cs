using System.Globalization;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Text;

/// <summary>
/// Rasterises a text item with ImageMagick's <c>caption:</c> into its box: wrapped at the box's width, lines from the
/// top, aligned left/center/right, in the item's font (via <see cref="FontResolver"/>), size, colour, letter spacing
/// (<c>-kerning</c>), line height (<c>-interline-spacing</c>), stroke, and a background box behind each line
/// (<c>-undercolor</c>). Lengths are multiplied by <c>scale</c> (the output's pixels per composition pixel) so that
/// text is drawn sharp at the export's size. What overflows the box is cut.
/// </summary>
public sealed class TextRasterizer(ImageMagickRaster magick, FontResolver fonts)
{
    /// <summary>DejaVu's natural line height (ascent + descent) per point; CSS line-height multiplies the font size.</summary>
    private const double NaturalLineHeight = 1.164;

    public Task<RasterImage> RasterizeAsync(TextItem text, int width, int height, double scale,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var size = text.FontSize * scale;
        var arguments = StyleArguments(text, scale);
        arguments.AddRange([
            "-interline-spacing", Number(size * (text.LineHeight - NaturalLineHeight)),
            "-gravity", text.Align switch { "center" => "North", "right" => "NorthEast", _ => "NorthWest" },
        ]);
        if (text.Background is { } background)
        {
            arguments.AddRange(["-undercolor", background.Color.ToString()]);
        }
        arguments.AddRange(["-size", string.Create(CultureInfo.InvariantCulture, $"{width}x{height}"),
            "caption:" + Escape(VisualOrder.Of(text.Text, text.Direction == "rtl"))]);
        return magick.RunAsync(arguments, width, height, $"text item '{text.Id}'", cancellationToken);
    }

    /// <summary>
    /// The width of each of <paramref name="texts"/> set on one line in <paramref name="style"/> (its advance, so
    /// widths of words and spaces add up), and the height of a line, in output pixels: one ImageMagick run for all.
    /// </summary>
    public async Task<(IReadOnlyList<int> Widths, int LineHeight)> MeasureAsync(TextItem style, IReadOnlyList<string> texts,
        double scale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(style);
        var arguments = StyleArguments(style, scale);
        arguments.AddRange(texts.Select(text => "label:" + Escape(VisualOrder.Of(text, style.Direction == "rtl"))));
        arguments.AddRange(["-format", "%w %h\n", "info:"]);
        var printed = await magick.ReadTextAsync(MediaTool.ImageMagickConvert, arguments, $"the words of item '{style.Id}'", cancellationToken);
        var sizes = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        if (sizes.Count != texts.Count)
        {
            throw new ImageMagickFailedException($"the words of item '{style.Id}'", $"measured {sizes.Count} of {texts.Count} texts", null);
        }
        return ([.. sizes.Select(size => size[0])], sizes.Select(size => size[1]).DefaultIfEmpty(0).Max());
    }

    /// <summary>What sets the glyphs: font, size, colour, letter spacing and stroke, scaled to the output.</summary>
    private List<string> StyleArguments(TextItem text, double scale)
    {
        var arguments = new List<string> { "-background", "none", "-density", "72" };
        var font = fonts.FileFor(text.FontFamily, text.FontWeight, text.FontVariant.Contains("italic", StringComparison.OrdinalIgnoreCase));
        if (font is not null)
        {
            arguments.AddRange(["-font", font]);
        }
        arguments.AddRange([
            "-pointsize", Number(text.FontSize * scale),
            "-fill", text.Color.ToString(),
            "-kerning", Number(text.LetterSpacing * scale),
        ]);
        arguments.AddRange(text.StrokeWidth > 0
            ? ["-stroke", text.StrokeColor.ToString(), "-strokewidth", Number(text.StrokeWidth * scale)]
            : ["-stroke", "none"]);
        return arguments;
    }

    /// <summary>ImageMagick expands <c>%</c> escapes in captions and reads a file for a leading <c>@</c>: neither is
    /// wanted for user text.</summary>
    internal static string Escape(string text)
    {
        var escaped = text.Replace("%", "%%", StringComparison.Ordinal);
        return escaped.StartsWith('@') ? "\\" + escaped : escaped;
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
