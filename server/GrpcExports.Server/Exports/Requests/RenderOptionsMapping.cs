using Google.Rpc;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Export;
using GrpcExports.Rendering.Timeline;
using RenderOptions = GrpcExports.Rendering.Export.ExportOptions;
using RequestOptions = GrpcExports.Protocol.V1.ExportOptions;
using V1 = GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Exports.Requests;

/// <summary>
/// grpcexports.v1.ExportOptions to the renderer's options: the contract's defaults filled in, every field checked, each
/// problem a field violation named as the request spells it ("options.scale"). The same mapping runs when an export is
/// created and when a worker renders it, so a stored export always renders with what was accepted.
/// </summary>
internal static class RenderOptionsMapping
{
    private const string Prefix = "options.";

    /// <summary>The options with the contract's defaults written in, as an export reports them.</summary>
    public static RequestOptions WithDefaults(RequestOptions? options)
    {
        var filled = options?.Clone() ?? new RequestOptions();
        if (filled.Fps == 0)
        {
            filled.Fps = 30;
        }
        if (filled.Format == V1.ExportFormat.Unspecified)
        {
            filled.Format = V1.ExportFormat.Mp4;
        }
        if (filled.Quality == V1.ExportQuality.Unspecified)
        {
            filled.Quality = V1.ExportQuality.Standard;
        }
        if (filled.Scale == 0 && filled.Resolution == V1.ResolutionPreset.Unspecified)
        {
            filled.Scale = 1;
        }
        if (filled.Watermark is { } watermark)
        {
            watermark.Scale = watermark.Scale == 0 ? 1 : watermark.Scale;
            watermark.PosX = watermark.HasPosX ? watermark.PosX : 0.5;
            watermark.PosY = watermark.HasPosY ? watermark.PosY : 0.5;
            watermark.Opacity = watermark.HasOpacity ? watermark.Opacity : 1;
        }
        return filled;
    }

    /// <summary>
    /// The renderer's options for <paramref name="options"/> (defaults already filled in), with the watermark's
    /// media path resolved inside <paramref name="mediaDirectory"/>; the violations when something is out of range.
    /// </summary>
    public static (RenderOptions? Options, IReadOnlyList<BadRequest.Types.FieldViolation> Violations) ToRenderOptions(
        RequestOptions options, string mediaDirectory)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        var ratio = Ratio(options, violations);
        var custom = options.Ratio == V1.AspectRatio.Custom && (options.CustomWidth != 0 || options.CustomHeight != 0)
            ? (options.CustomWidth, options.CustomHeight)
            : ((int, int)?)null;
        if (options.Ratio != V1.AspectRatio.Custom && (options.CustomWidth != 0 || options.CustomHeight != 0))
        {
            violations.Add(Violation(options.CustomWidth != 0 ? "custom_width" : "custom_height",
                "A custom frame size is only used with ratio ASPECT_RATIO_CUSTOM; leave it 0 for other ratios."));
        }
        var resolution = Resolution(options.Resolution, violations);
        if (resolution is not null && options.Scale != 0)
        {
            violations.Add(Violation("scale", "A resolution preset sets the frame size; leave scale at 0 when resolution is set."));
        }
        var letterbox = Color.Black;
        if (options.LetterboxColor.Length > 0
            && (options.LetterboxColor.Length != 7 || options.LetterboxColor[0] != '#' || !Color.TryParse(options.LetterboxColor, out letterbox)))
        {
            violations.Add(Violation("letterbox_color", $"'{Shorten(options.LetterboxColor)}' is not a colour written #RRGGBB."));
        }
        var watermark = options.Watermark is null ? null : WatermarkOf(options.Watermark, mediaDirectory, violations);
        if (!Enum.IsDefined(options.Format) || options.Format == V1.ExportFormat.Unspecified)
        {
            violations.Add(Violation("format", $"Unknown format {(int)options.Format}; use EXPORT_FORMAT_MP4 or EXPORT_FORMAT_WEBM."));
        }
        if (!Enum.IsDefined(options.Quality) || options.Quality == V1.ExportQuality.Unspecified)
        {
            violations.Add(Violation("quality", $"Unknown quality {(int)options.Quality}; use DRAFT, STANDARD or HIGH."));
        }
        if (violations.Count > 0)
        {
            return (null, violations);
        }
        var render = new RenderOptions
        {
            FramesPerSecond = options.Fps,
            Ratio = ratio,
            CustomSize = custom,
            Scale = resolution is null ? options.Scale : 1,
            Resolution = resolution,
            Format = options.Format == V1.ExportFormat.Webm ? Rendering.Encoder.OutputFormat.Webm : Rendering.Encoder.OutputFormat.Mp4,
            Quality = options.Quality switch
            {
                V1.ExportQuality.Draft => Rendering.Encoder.ExportQuality.Draft,
                V1.ExportQuality.High => Rendering.Encoder.ExportQuality.High,
                _ => Rendering.Encoder.ExportQuality.Standard,
            },
            LetterboxColor = letterbox,
            Watermark = watermark,
        };
        try
        {
            render.Validate();
        }
        catch (ExportOptionsException problem)
        {
            return (null, [Violation(problem.Option, problem.Message)]);
        }
        return (render, []);
    }

    private static AspectRatio? Ratio(RequestOptions options, List<BadRequest.Types.FieldViolation> violations) => options.Ratio switch
    {
        V1.AspectRatio.Unspecified or V1.AspectRatio.Custom => null,
        V1.AspectRatio.Landscape169 => AspectRatio.Landscape,
        V1.AspectRatio.Portrait916 => AspectRatio.Portrait,
        V1.AspectRatio.Square11 => AspectRatio.Square,
        V1.AspectRatio.Landscape43 => AspectRatio.Standard,
        V1.AspectRatio.Portrait34 => AspectRatio.StandardPortrait,
        _ => Unknown<AspectRatio?>(violations, "ratio", (int)options.Ratio),
    };

    private static ResolutionPreset? Resolution(V1.ResolutionPreset preset, List<BadRequest.Types.FieldViolation> violations) => preset switch
    {
        V1.ResolutionPreset.Unspecified => null,
        V1.ResolutionPreset.Uhd4K => ResolutionPreset.P2160,
        V1.ResolutionPreset.Fhd1080P => ResolutionPreset.P1080,
        V1.ResolutionPreset.Hd720P => ResolutionPreset.P720,
        V1.ResolutionPreset.Sd480P => ResolutionPreset.P480,
        _ => Unknown<ResolutionPreset?>(violations, "resolution", (int)preset),
    };

    private static T? Unknown<T>(List<BadRequest.Types.FieldViolation> violations, string field, int value)
    {
        violations.Add(Violation(field, $"{value} is not a known value."));
        return default;
    }

    private static Watermark? WatermarkOf(V1.Watermark watermark, string mediaDirectory, List<BadRequest.Types.FieldViolation> violations)
    {
        switch (watermark.SourceCase)
        {
            case V1.Watermark.SourceOneofCase.MediaPath:
                var file = new MediaDirectory(mediaDirectory).Find(watermark.MediaPath);
                if (file.RefusedBecause is not null)
                {
                    violations.Add(Violation("watermark.media_path", "A media path is relative to the media directory and stays inside it."));
                    return null;
                }
                if (file.Path is not { } path)
                {
                    violations.Add(Violation("watermark.media_path", $"'{Shorten(watermark.MediaPath)}' is not a file in the media directory."));
                    return null;
                }
                return new Watermark(path, watermark.PosX, watermark.PosY, watermark.Scale, watermark.Opacity);
            case V1.Watermark.SourceOneofCase.AssetId:
                violations.Add(Violation("watermark.asset_id", "Asset watermarks arrive with the asset service; use media_path for now."));
                return null;
            case V1.Watermark.SourceOneofCase.SrcUrl:
                violations.Add(Violation("watermark.src_url", "This server does not fetch watermarks from URLs yet; use media_path."));
                return null;
            default:
                violations.Add(Violation("watermark", "A watermark needs a source: media_path."));
                return null;
        }
    }

    private static BadRequest.Types.FieldViolation Violation(string field, string description) =>
        new() { Field = Prefix + field, Description = description, Reason = "INVALID" };

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
