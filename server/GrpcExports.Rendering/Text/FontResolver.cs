using System.Collections.Concurrent;
using System.Text;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Text;

/// <summary>
/// Maps a CSS font family, weight and style to an installed font file with fontconfig (<c>/usr/bin/fc-match</c>,
/// which always answers with its closest match), once per combination. Without fontconfig: DejaVu Sans from
/// fonts-dejavu-core, bold from weight 600.
/// </summary>
public sealed class FontResolver(string fcMatch = "/usr/bin/fc-match")
{
    private const string DejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const string DejaVuBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private readonly ConcurrentDictionary<(string, int, bool), Lazy<string?>> _files = new();

    /// <summary>A font file, or null when neither fontconfig nor DejaVu is installed (ImageMagick's default font).</summary>
    public string? FileFor(string family, string cssWeight, bool italic)
    {
        var weight = CssWeight(cssWeight);
        return _files.GetOrAdd((family, weight, italic), key => new Lazy<string?>(() => Match(key.Item1, key.Item2, key.Item3))).Value;
    }

    /// <summary>A CSS weight (<c>100</c>..<c>900</c>, <c>normal</c>, <c>bold</c>...) as a number; 400 when unreadable.</summary>
    public static int CssWeight(string weight) => weight.Trim().ToLowerInvariant() switch
    {
        "normal" or "regular" or "" => 400,
        "bold" => 700,
        "lighter" => 300,
        "bolder" => 800,
        var number when int.TryParse(number, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            => Math.Clamp(value, 1, 1000),
        _ => 400,
    };

    private string? Match(string family, int weight, bool italic)
    {
        if (File.Exists(fcMatch))
        {
            var pattern = $"{Escape(string.IsNullOrWhiteSpace(family) ? "sans-serif" : family)}:weight={FontconfigWeight(weight)}" +
                (italic ? ":slant=italic" : "");
            var output = new MemoryStream();
            try
            {
                Task.Run(() => ToolProcess.RunAsync(fcMatch, ["-f", "%{file}", pattern],
                    readOutput: (stream, token) => stream.CopyToAsync(output, token))).GetAwaiter().GetResult();
                var file = Encoding.UTF8.GetString(output.ToArray()).Trim();
                if (file.Length > 0 && File.Exists(file))
                {
                    return file;
                }
            }
            catch (MediaToolFailedException)
            {
                // Fall back to DejaVu below.
            }
        }
        var fallback = weight >= 600 ? DejaVuBold : DejaVu;
        return File.Exists(fallback) ? fallback : null;
    }

    /// <summary>fontconfig's weight scale: thin 0, extralight 40, light 50, regular 80, medium 100, demibold 180,
    /// bold 200, extrabold 205, black 210.</summary>
    private static int FontconfigWeight(int css) => css switch
    {
        < 150 => 0,
        < 250 => 40,
        < 350 => 50,
        < 450 => 80,
        < 550 => 100,
        < 650 => 180,
        < 750 => 200,
        < 850 => 205,
        _ => 210,
    };

    /// <summary>A CSS family list (<c>"Inter", sans-serif</c>) as fontconfig's comma-separated families.</summary>
    private static string Escape(string families) => string.Join(',', families.Split(',')
        .Select(f => EscapeOne(f.Trim().Trim('"', '\'').Trim()))
        .Where(f => f.Length > 0));

    private static string EscapeOne(string family)
    {
        var escaped = new StringBuilder(family.Length);
        foreach (var c in family)
        {
            if (c is '\\' or '-' or ':')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
