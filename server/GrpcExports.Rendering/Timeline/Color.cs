using System.Globalization;

namespace GrpcExports.Rendering.Timeline;

/// <summary>A straight (not premultiplied) sRGB colour with alpha, 8 bits per channel, as the editor state spells colours.</summary>
public readonly record struct Color(byte R, byte G, byte B, byte A = 255)
{
    public static Color Transparent => new(0, 0, 0, 0);

    public static Color Black => new(0, 0, 0);

    public static Color White => new(255, 255, 255);

    public override string ToString() => A == 255 ? $"#{R:x2}{G:x2}{B:x2}" : $"#{R:x2}{G:x2}{B:x2}{A:x2}";

    /// <summary>
    /// Reads <c>#rgb</c>, <c>#rgba</c>, <c>#rrggbb</c>, <c>#rrggbbaa</c>, <c>rgb(r, g, b)</c>, <c>rgba(r, g, b, a)</c>
    /// and <c>transparent</c>; false for anything else.
    /// </summary>
    public static bool TryParse(string? text, out Color color)
    {
        color = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var value = text.Trim();
        if (value.Equals("transparent", StringComparison.OrdinalIgnoreCase))
        {
            color = Transparent;
            return true;
        }
        if (value[0] == '#')
        {
            return TryParseHex(value.AsSpan(1), out color);
        }
        var open = value.IndexOf('(');
        if (open > 0 && value[^1] == ')')
        {
            var function = value[..open].Trim().ToLowerInvariant();
            if (function is "rgb" or "rgba")
            {
                return TryParseRgbFunction(value[(open + 1)..^1], out color);
            }
        }
        return false;
    }

    public static Color Parse(string text) => TryParse(text, out var color)
        ? color
        : throw new FormatException($"'{text}' is not a colour (expected #rgb, #rrggbb, #rrggbbaa, rgb() or rgba()).");

    private static bool TryParseHex(ReadOnlySpan<char> hex, out Color color)
    {
        color = default;
        if (!uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }
        switch (hex.Length)
        {
            case 3:
                color = new Color(Nibble(bits >> 8), Nibble(bits >> 4), Nibble(bits));
                return true;
            case 4:
                color = new Color(Nibble(bits >> 12), Nibble(bits >> 8), Nibble(bits >> 4), Nibble(bits));
                return true;
            case 6:
                color = new Color((byte)(bits >> 16), (byte)(bits >> 8), (byte)bits);
                return true;
            case 8:
                color = new Color((byte)(bits >> 24), (byte)(bits >> 16), (byte)(bits >> 8), (byte)bits);
                return true;
            default:
                return false;
        }

        static byte Nibble(uint bits) => (byte)((bits & 0xF) * 0x11);
    }

    private static bool TryParseRgbFunction(string arguments, out Color color)
    {
        color = default;
        var parts = arguments.Split([',', ' ', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is not (3 or 4))
        {
            return false;
        }
        Span<byte> channels = stackalloc byte[4];
        channels[3] = 255;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var percent = part.EndsWith('%');
            if (!double.TryParse(percent ? part[..^1] : part, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }
            var scale = i == 3 ? (percent ? 2.55 : 255) : (percent ? 2.55 : 1);
            channels[i] = (byte)Math.Clamp(Math.Round(number * scale), 0, 255);
        }
        color = new Color(channels[0], channels[1], channels[2], channels[3]);
        return true;
    }
}
