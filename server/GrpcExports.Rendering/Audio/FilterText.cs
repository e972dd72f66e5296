using System.Globalization;

namespace GrpcExports.Rendering.Audio;

/// <summary>How values are written into an ffmpeg filter graph.</summary>
internal static class FilterText
{
    /// <summary>
    /// A plain decimal with up to nine fractional digits. Never an exponent: ffmpeg's number parser reads a trailing
    /// <c>E</c> as the SI prefix exa.
    /// </summary>
    public static string Number(double value) => value.ToString("0.#########", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Quotes an option value for the filter graph parser so that its commas and colons are not read as separators
    /// (inside single quotes everything is literal; a quote itself is written as <c>'\''</c>).
    /// </summary>
    public static string Quoted(string value) => "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
}
