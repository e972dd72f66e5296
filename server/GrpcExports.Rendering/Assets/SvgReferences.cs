using System.Text.RegularExpressions;
using System.Xml;

namespace GrpcExports.Rendering.Assets;

/// <summary>
/// Finds what in an SVG would make ImageMagick's renderer read something besides the SVG itself: a document type
/// (external entities), a link (<c>href</c>, <c>xlink:href</c>) or a CSS <c>url(...)</c> that is not a fragment of the
/// same document (<c>#id</c>), and <c>@import</c>. Such an SVG is not drawn.
/// </summary>
internal static partial class SvgReferences
{
    /// <summary>The first outside reference, described for an error message; null when the SVG has none.</summary>
    public static string? FirstOutside(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(path, settings);
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && OutsideInCss(reader.Value) is { } css)
                {
                    return css;
                }
                if (reader.NodeType != XmlNodeType.Element || !reader.MoveToFirstAttribute())
                {
                    continue;
                }
                do
                {
                    if (reader.LocalName == "href" && !reader.Value.TrimStart().StartsWith('#'))
                    {
                        return $"a link to '{reader.Value}'";
                    }
                    if (OutsideInCss(reader.Value) is { } attribute)
                    {
                        return attribute;
                    }
                }
                while (reader.MoveToNextAttribute());
            }
            return null;
        }
        catch (XmlException error)
        {
            return $"markup that is refused or not well-formed ({error.Message})";
        }
    }

    private static string? OutsideInCss(string text)
    {
        if (text.Contains("@import", StringComparison.OrdinalIgnoreCase))
        {
            return "a CSS @import";
        }
        foreach (Match url in CssUrl().Matches(text))
        {
            if (!url.Groups["target"].Value.StartsWith('#'))
            {
                return $"a CSS url({url.Groups["target"].Value})";
            }
        }
        return null;
    }

    [GeneratedRegex("""url\(\s*['"]?(?<target>[^'")]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();
}
