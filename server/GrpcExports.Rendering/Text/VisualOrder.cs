using System.Globalization;
using System.Text;

namespace GrpcExports.Rendering.Text;

/// <summary>
/// Puts text into the order its characters are drawn from left to right, because ImageMagick here sets glyphs left to
/// right in the order given (it has no bidi support, and its <c>-direction right-to-left</c> draws every glyph on top
/// of the first). A simplified Unicode bidi algorithm, line by line: runs of right-to-left letters (Hebrew, Arabic,
/// Syriac, Thaana, N'Ko...) are reversed; spaces and punctuation between two runs of one direction join them, otherwise
/// they take the paragraph's direction; with <c>direction: rtl</c> the runs of a line are laid out from the right. No
/// Arabic shaping, no numbers within right-to-left runs kept left to right, no mirroring of brackets.
/// </summary>
internal static class VisualOrder
{
    public static string Of(string text, bool rightToLeft) =>
        string.Join('\n', text.Split('\n').Select(line => Line(line, rightToLeft)));

    private static string Line(string line, bool rightToLeft)
    {
        var runs = new List<(Strength Strength, StringBuilder Text)>();
        foreach (var element in Elements(line))
        {
            var strength = StrengthOf(element);
            if (runs.Count > 0 && runs[^1].Strength == strength)
            {
                runs[^1].Text.Append(element);
            }
            else
            {
                runs.Add((strength, new StringBuilder(element)));
            }
        }
        var paragraph = rightToLeft ? Strength.RightToLeft : Strength.LeftToRight;
        var resolved = new List<(Strength Strength, string Text)>();
        for (var i = 0; i < runs.Count; i++)
        {
            var strength = runs[i].Strength;
            if (strength == Strength.Neutral)
            {
                var before = i > 0 ? runs[i - 1].Strength : paragraph;
                var after = i + 1 < runs.Count ? runs[i + 1].Strength : paragraph;
                strength = before == after ? before : paragraph;
            }
            var text = runs[i].Text.ToString();
            if (resolved.Count > 0 && resolved[^1].Strength == strength)
            {
                resolved[^1] = (strength, resolved[^1].Text + text);
            }
            else
            {
                resolved.Add((strength, text));
            }
        }
        var drawn = resolved.Select(run => run.Strength == Strength.RightToLeft ? Reversed(run.Text) : run.Text);
        return string.Concat(rightToLeft ? drawn.Reverse() : drawn);
    }

    /// <summary>A line's text elements (a letter with its combining marks stays one).</summary>
    private static IEnumerable<string> Elements(string line)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }

    private static string Reversed(string run) => string.Concat(Elements(run).Reverse());

    private static Strength StrengthOf(string element)
    {
        var code = char.ConvertToUtf32(element, 0);
        if (code is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF)
            or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF))
        {
            return Strength.RightToLeft;
        }
        return char.IsLetterOrDigit(element, 0) ? Strength.LeftToRight : Strength.Neutral;
    }

    private enum Strength
    {
        LeftToRight,
        RightToLeft,
        Neutral,
    }
}
