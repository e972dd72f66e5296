namespace GrpcExports.PowerShell.Output;

/// <summary>
/// The options an export renders with, spelled as Start-GxExport's parameters take them ("mp4", "1080", "16:9",
/// "standard"); empty or 0 where the export left the choice to the composition.
/// </summary>
public sealed class GxExportOptions
{
    internal GxExportOptions(int fps, string ratio, int customWidth, int customHeight, double scale, string resolution, string format,
        string quality, string letterboxColor, GxWatermark? watermark, bool skipUnsupportedItems)
    {
        Fps = fps;
        Ratio = ratio;
        CustomWidth = customWidth;
        CustomHeight = customHeight;
        Scale = scale;
        Resolution = resolution;
        Format = format;
        Quality = quality;
        LetterboxColor = letterboxColor;
        Watermark = watermark;
        SkipUnsupportedItems = skipUnsupportedItems;
    }

    public int Fps { get; }

    public string Ratio { get; }

    public int CustomWidth { get; }

    public int CustomHeight { get; }

    public double Scale { get; }

    public string Resolution { get; }

    public string Format { get; }

    public string Quality { get; }

    public string LetterboxColor { get; }

    public GxWatermark? Watermark { get; }

    public bool SkipUnsupportedItems { get; }

    public override string ToString() =>
        string.Join(' ', new[] { Format, Resolution.Length > 0 ? Resolution + "p" : $"x{Scale}", $"{Fps}fps", Ratio, Quality, Watermark is null ? "" : "watermark" }
            .Where(part => part.Length > 0));
}

/// <summary>An export's watermark: one source (an asset id, a media path or a URL), its centre, scale and opacity.</summary>
public sealed record GxWatermark(string? AssetId, string? MediaPath, string? Url, double PositionX, double PositionY, double Scale, double Opacity);
