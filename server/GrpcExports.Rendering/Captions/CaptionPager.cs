namespace GrpcExports.Rendering.Captions;

/// <summary>
/// Splits caption words into pages and lays each page out. A page starts with a word and takes the following ones
/// while they start less than <c>pageDurationInMilliseconds</c> after it and still fit in <c>maxLines</c> lines of the
/// box's width (words wrap greedily; with line timing each entry starts a line). A page shows from its first word's
/// start to its last word's end, or until the next page starts if that is sooner. Lines run from the top of the box,
/// aligned left, centre or right; right to left, a line's first word is at its right end.
/// </summary>
public sealed class CaptionPager(CaptionMetrics metrics, double boxWidth, int maxLines, double pageDurationMs, string align, bool rightToLeft)
{
    public IReadOnlyList<CaptionPage> Paginate(IReadOnlyList<CaptionWord> words)
    {
        var groups = new List<List<CaptionWord>>();
        foreach (var word in words)
        {
            var current = groups.Count > 0 ? groups[^1] : null;
            if (current is null || word.StartMs - current[0].StartMs >= pageDurationMs || Wrap([.. current, word]).Count > maxLines)
            {
                groups.Add([word]);
                continue;
            }
            current.Add(word);
        }
        var pages = new List<CaptionPage>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var end = groups[i][^1].EndMs;
            if (i + 1 < groups.Count)
            {
                end = Math.Min(end, groups[i + 1][0].StartMs);
            }
            pages.Add(Layout(groups[i], groups[i][0].StartMs, end));
        }
        return pages;
    }

    /// <summary>The words of each line, greedily filling the box's width.</summary>
    private List<List<CaptionWord>> Wrap(IReadOnlyList<CaptionWord> words)
    {
        var lines = new List<List<CaptionWord>>();
        var width = 0.0;
        foreach (var word in words)
        {
            var advance = metrics.WidthOf(word.Text);
            if (lines.Count == 0 || word.StartsLine || width + metrics.SpaceWidth + advance > boxWidth)
            {
                lines.Add([word]);
                width = advance;
                continue;
            }
            lines[^1].Add(word);
            width += metrics.SpaceWidth + advance;
        }
        return lines;
    }

    private CaptionPage Layout(IReadOnlyList<CaptionWord> words, double startMs, double endMs)
    {
        var placed = new List<PlacedWord>(words.Count);
        var lines = new List<CaptionLine>();
        foreach (var (line, index) in Wrap(words).Select((line, index) => (line, index)))
        {
            var lineWidth = line.Sum(word => metrics.WidthOf(word.Text)) + metrics.SpaceWidth * (line.Count - 1);
            var left = align switch
            {
                "center" => (boxWidth - lineWidth) / 2,
                "right" => boxWidth - lineWidth,
                _ => 0,
            };
            var top = index * metrics.LineHeight;
            var x = rightToLeft ? left + lineWidth : left;
            foreach (var word in line)
            {
                var width = metrics.WidthOf(word.Text);
                var wordLeft = rightToLeft ? x - width : x;
                placed.Add(new PlacedWord(word, index, wordLeft, top + (metrics.LineHeight - metrics.GlyphHeight) / 2, width, metrics.GlyphHeight));
                x = rightToLeft ? wordLeft - metrics.SpaceWidth : x + width + metrics.SpaceWidth;
            }
            lines.Add(new CaptionLine(top, top + metrics.LineHeight, left, left + lineWidth));
        }
        return new CaptionPage(startMs, endMs, placed, lines, rightToLeft);
    }
}

/// <summary>
/// Measured sizes of a caption item's words in output pixels: each word's advance, a space's, the CSS line height
/// (<c>fontSize x lineHeight</c>) and the height of a set line of glyphs (centred in the line, as CSS does).
/// </summary>
public sealed record CaptionMetrics(IReadOnlyDictionary<string, double> Widths, double SpaceWidth, double LineHeight, double GlyphHeight)
{
    public double WidthOf(string text) => Widths[text];
}
