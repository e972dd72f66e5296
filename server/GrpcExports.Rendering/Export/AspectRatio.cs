using System.Globalization;

namespace GrpcExports.Rendering.Export;

/// <summary>An output aspect ratio <c>width:height</c>: the presets 16:9, 9:16, 1:1, 4:3, 3:4, or any custom one.</summary>
public sealed record AspectRatio
{
    /// <summary>Ratios more extreme than this are refused (a 1-pixel-wide video helps nobody).</summary>
    public const int MaxElongation = 10;

    public AspectRatio(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ExportOptionsException("ratio", $"must have two positive sides, was {width}:{height}");
        }
        if (Math.Max((double)width / height, (double)height / width) > MaxElongation)
        {
            throw new ExportOptionsException("ratio", $"{width}:{height} is more elongated than {MaxElongation}:1");
        }
        Width = width;
        Height = height;
    }

    public static AspectRatio Landscape { get; } = new(16, 9);

    public static AspectRatio Portrait { get; } = new(9, 16);

    public static AspectRatio Square { get; } = new(1, 1);

    public static AspectRatio Standard { get; } = new(4, 3);

    public static AspectRatio StandardPortrait { get; } = new(3, 4);

    public int Width { get; }

    public int Height { get; }

    public double Value => (double)Width / Height;

    /// <summary>Reads <c>W:H</c> (e.g. <c>16:9</c>, <c>21:9</c>).</summary>
    public static AspectRatio Parse(string text)
    {
        var parts = (text ?? "").Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            throw new ExportOptionsException("ratio", $"must be written W:H with whole numbers (16:9, 9:16, 1:1, 4:3, 3:4), was '{text}'");
        }
        return new AspectRatio(width, height);
    }

    public override string ToString() => $"{Width}:{Height}";
}
