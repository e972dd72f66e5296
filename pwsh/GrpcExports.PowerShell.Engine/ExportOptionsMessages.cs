using GrpcExports.PowerShell.Output;
using GrpcExports.Protocol.V1;

namespace GrpcExports.PowerShell.Engine;

/// <summary>Export options between the module's spelling ("mp4", "1080", "16:9", "draft") and grpcexports.v1.ExportOptions.</summary>
internal static class ExportOptionsMessages
{
    private static readonly Dictionary<string, AspectRatio> Ratios = new(StringComparer.OrdinalIgnoreCase)
    {
        ["16:9"] = AspectRatio.Landscape169,
        ["9:16"] = AspectRatio.Portrait916,
        ["1:1"] = AspectRatio.Square11,
        ["4:3"] = AspectRatio.Landscape43,
        ["3:4"] = AspectRatio.Portrait34,
        ["custom"] = AspectRatio.Custom,
    };

    private static readonly Dictionary<string, ResolutionPreset> Resolutions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["4k"] = ResolutionPreset.Uhd4K,
        ["1080"] = ResolutionPreset.Fhd1080P,
        ["720"] = ResolutionPreset.Hd720P,
        ["480"] = ResolutionPreset.Sd480P,
    };

    private static readonly Dictionary<string, ExportFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mp4"] = ExportFormat.Mp4,
        ["webm"] = ExportFormat.Webm,
    };

    private static readonly Dictionary<string, ExportQuality> Qualities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["draft"] = ExportQuality.Draft,
        ["standard"] = ExportQuality.Standard,
        ["high"] = ExportQuality.High,
    };

    public static ExportOptions ToMessage(ExportSettings settings)
    {
        var options = new ExportOptions
        {
            Fps = settings.Fps,
            Ratio = Lookup(Ratios, settings.Ratio, "Ratio"),
            CustomWidth = settings.CustomWidth,
            CustomHeight = settings.CustomHeight,
            Scale = settings.Scale,
            Resolution = Lookup(Resolutions, settings.Resolution, "Resolution"),
            Format = Lookup(Formats, settings.Format, "Format"),
            Quality = Lookup(Qualities, settings.Quality, "Quality"),
            LetterboxColor = settings.LetterboxColor ?? "",
            SkipUnsupportedItems = settings.SkipUnsupportedItems,
        };
        var watermark = new Watermark { Scale = settings.WatermarkScale };
        if (settings.WatermarkAssetId is { } assetId)
        {
            watermark.AssetId = assetId;
        }
        else if (settings.WatermarkMediaPath is { } mediaPath)
        {
            watermark.MediaPath = mediaPath;
        }
        else if (settings.WatermarkUrl is { } url)
        {
            watermark.SrcUrl = url;
        }
        else
        {
            return options;
        }
        if (settings.WatermarkPositionX is { } x)
        {
            watermark.PosX = x;
        }
        if (settings.WatermarkPositionY is { } y)
        {
            watermark.PosY = y;
        }
        if (settings.WatermarkOpacity is { } opacity)
        {
            watermark.Opacity = opacity;
        }
        options.Watermark = watermark;
        return options;
    }

    public static GxExportOptions ToOutput(ExportOptions options) => new(
        options.Fps,
        Name(Ratios, options.Ratio),
        options.CustomWidth,
        options.CustomHeight,
        options.Scale,
        Name(Resolutions, options.Resolution),
        Name(Formats, options.Format),
        Name(Qualities, options.Quality),
        options.LetterboxColor,
        options.Watermark is { } watermark
            ? new GxWatermark(
                watermark.SourceCase == Watermark.SourceOneofCase.AssetId ? watermark.AssetId : null,
                watermark.SourceCase == Watermark.SourceOneofCase.MediaPath ? watermark.MediaPath : null,
                watermark.SourceCase == Watermark.SourceOneofCase.SrcUrl ? watermark.SrcUrl : null,
                watermark.PosX, watermark.PosY, watermark.Scale, watermark.Opacity)
            : null,
        options.SkipUnsupportedItems);

    private static T Lookup<T>(Dictionary<string, T> names, string? name, string parameter) where T : struct, Enum =>
        name is null ? default : names.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"-{parameter} cannot be '{name}'; use one of {string.Join(", ", names.Keys)}.");

    private static string Name<T>(Dictionary<string, T> names, T value) where T : struct, Enum =>
        names.FirstOrDefault(entry => EqualityComparer<T>.Default.Equals(entry.Value, value)).Key ?? "";
}
