using System.Globalization;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Video;

/// <summary>The ffmpeg command line that turns a <see cref="VideoDecodeRequest"/> into raw frames of
/// <paramref name="pixelFormat"/> (<see cref="PlanarYuvFrame.PixelFormat"/>) on stdout.</summary>
internal static class VideoDecoderArguments
{
    public static IReadOnlyList<string> For(VideoDecodeRequest request, string pixelFormat) =>
    [
        "-hide_banner", "-loglevel", "error",
        // Before -i: a fast keyframe seek, then frames up to the exact point are decoded and dropped, and the first
        // frame kept is at timestamp 0.
        .. request.LastSecond ? ["-sseof", "-1"] : new[] { "-ss", Number(request.SourceStartSeconds) },
        .. FfmpegInput.MediaFile(request.Path),
        "-map", "0:v:0", "-an", "-sn", "-dn",
        "-vf", Filters(request, pixelFormat),
        "-f", "rawvideo", "-pix_fmt", pixelFormat, "pipe:1",
    ];

    /// <summary>Source time to item time (setpts divides by the rate), resampled to the export's frames, cropped, sized.</summary>
    private static string Filters(VideoDecodeRequest request, string pixelFormat)
    {
        var filters = new List<string>
        {
            $"setpts=(PTS-STARTPTS)/{Number(request.PlaybackRate)}",
            $"fps={request.Rate.Numerator}/{request.Rate.Denominator}",
        };
        var crop = request.Crop;
        if (!crop.IsNone)
        {
            filters.Add(Invariant($"crop=iw-{crop.Left + crop.Right}:ih-{crop.Top + crop.Bottom}:{crop.Left}:{crop.Top}"));
        }
        var size = Invariant($"{request.Width}:{request.Height}");
        if (request.KeepAspectRatio)
        {
            // Padded in RGBA: pad rounds sizes and offsets to the chroma grid in a 4:2:0 format, and the box may be odd.
            filters.Add($"scale={size}:force_original_aspect_ratio=decrease");
            filters.Add("format=rgba");
            filters.Add($"pad={size}:(ow-iw)/2:(oh-ih)/2:color=black@0");
        }
        else
        {
            filters.Add($"scale={size}");
        }
        filters.Add($"format={pixelFormat}");
        return string.Join(',', filters);
    }

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
