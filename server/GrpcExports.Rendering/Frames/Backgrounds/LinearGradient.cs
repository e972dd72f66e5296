using System.Globalization;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames.Backgrounds;

/// <summary>
/// A CSS <c>linear-gradient(...)</c>: an angle (<c>deg</c>, <c>turn</c>, <c>rad</c>; 0deg points up, 90deg right) or
/// <c>to &lt;side or corner&gt;</c> (default <c>to bottom</c>), then colour stops with optional percentages (missing ones
/// spread evenly between their neighbours, as CSS does). Colours are mixed in premultiplied sRGB, as browsers do.
/// </summary>
public sealed class LinearGradient
{
    private readonly string? _direction;
    private readonly double _angleDegrees;
    private readonly (Color Color, double Position)[] _stops;

    private LinearGradient(string? direction, double angleDegrees, (Color, double)[] stops)
    {
        _direction = direction;
        _angleDegrees = angleDegrees;
        _stops = stops;
    }

    /// <summary>The gradient, or null when the text is not a linear gradient this reader understands.</summary>
    public static LinearGradient? TryParse(string? css)
    {
        var text = css?.Trim() ?? "";
        const string Function = "linear-gradient(";
        if (!text.StartsWith(Function, StringComparison.OrdinalIgnoreCase) || !text.EndsWith(')'))
        {
            return null;
        }
        var arguments = SplitTopLevel(text[Function.Length..^1]);
        string? direction = "bottom";
        double angle = 180;
        var first = arguments.Count > 0 ? arguments[0].ToLowerInvariant() : "";
        if (first.StartsWith("to ", StringComparison.Ordinal))
        {
            direction = string.Join(' ', first[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Order());
            if (direction is not ("top" or "bottom" or "left" or "right" or "right top" or "left top" or "bottom right" or "bottom left"))
            {
                return null;
            }
            arguments.RemoveAt(0);
        }
        else if (TryParseAngle(first, out angle))
        {
            direction = null;
            arguments.RemoveAt(0);
        }
        var stops = new List<(Color Color, double? Position)>();
        foreach (var argument in arguments)
        {
            if (!TryParseStop(argument, out var color, out var position))
            {
                return null;
            }
            stops.Add((color, position));
        }
        return stops.Count < 2 ? null : new LinearGradient(direction, angle, SpreadPositions(stops));
    }

    /// <summary>The gradient drawn over a box of the given size, as a premultiplied picture.</summary>
    public RasterImage Render(int width, int height)
    {
        var radians = AngleFor(width, height) * Math.PI / 180;
        var (dx, dy) = (Math.Sin(radians), -Math.Cos(radians));
        var length = Math.Abs(width * dx) + Math.Abs(height * dy);
        var image = new RasterImage(width, height);
        var pixels = image.Pixels;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var t = ((x + 0.5 - width / 2.0) * dx + (y + 0.5 - height / 2.0) * dy) / length + 0.5;
                pixels[y * width + x] = At(t);
            }
        }
        image.RefreshOpacity();
        return image;
    }

    /// <summary>The angle in CSS degrees; a corner points the gradient line across the box's other diagonal.</summary>
    private double AngleFor(int width, int height)
    {
        var corner = Math.Atan2(height, width) * 180 / Math.PI;
        return _direction switch
        {
            null => _angleDegrees,
            "top" => 0,
            "right" => 90,
            "bottom" => 180,
            "left" => 270,
            "right top" => corner,
            "bottom right" => 180 - corner,
            "bottom left" => 180 + corner,
            _ => 360 - corner,
        };
    }

    /// <summary>The premultiplied colour at position t along the gradient line (0 at its start, 1 at its end).</summary>
    private uint At(double t)
    {
        if (t <= _stops[0].Position)
        {
            return PixelMath.Premultiply(_stops[0].Color);
        }
        for (var i = 1; i < _stops.Length; i++)
        {
            var (to, end) = _stops[i];
            if (t < end)
            {
                var (from, start) = _stops[i - 1];
                var f = end > start ? (t - start) / (end - start) : 1;
                return Mix(from, to, f);
            }
        }
        return PixelMath.Premultiply(_stops[^1].Color);
    }

    private static uint Mix(Color from, Color to, double f)
    {
        var alpha = from.A + (to.A - from.A) * f;
        return PixelMath.Pack(Channel(from.R, to.R), Channel(from.G, to.G), Channel(from.B, to.B), (int)Math.Round(alpha));

        int Channel(byte a, byte b) => (int)Math.Round((a * from.A / 255.0) + (b * to.A / 255.0 - a * from.A / 255.0) * f);
    }

    private static (Color, double)[] SpreadPositions(List<(Color Color, double? Position)> stops)
    {
        var positions = stops.Select(s => s.Position).ToArray();
        positions[0] ??= 0;
        positions[^1] ??= 1;
        for (var i = 1; i < positions.Length; i++)
        {
            // A stop before an earlier one is moved up to it (CSS).
            if (positions[i] is { } p && p < positions[i - 1])
            {
                positions[i] = positions[i - 1];
            }
            if (positions[i] is null)
            {
                var next = i + 1;
                while (positions[next] is null)
                {
                    next++;
                }
                var (start, end) = (positions[i - 1]!.Value, Math.Max(positions[next]!.Value, positions[i - 1]!.Value));
                for (var j = i; j < next; j++)
                {
                    positions[j] = start + (end - start) * (j - i + 1) / (next - i + 1);
                }
            }
        }
        return [.. stops.Select((s, i) => (s.Color, positions[i]!.Value))];
    }

    private static bool TryParseStop(string text, out Color color, out double? position)
    {
        position = null;
        var close = text.LastIndexOf(')');
        var split = text.LastIndexOf(' ');
        if (split > close && text.EndsWith('%')
            && double.TryParse(text[(split + 1)..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            position = percent / 100;
            text = text[..split];
        }
        return Color.TryParse(text, out color);
    }

    private static bool TryParseAngle(string text, out double degrees)
    {
        foreach (var (unit, toDegrees) in new[] { ("deg", 1.0), ("turn", 360.0), ("rad", 180 / Math.PI) })
        {
            if (text.EndsWith(unit, StringComparison.Ordinal)
                && double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                degrees = value * toDegrees;
                return true;
            }
        }
        degrees = 0;
        return false;
    }

    /// <summary>The arguments of a CSS function, split at commas outside parentheses (<c>rgb(1, 2, 3)</c> stays whole).</summary>
    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(text[start..].Trim());
        return parts;
    }
}
