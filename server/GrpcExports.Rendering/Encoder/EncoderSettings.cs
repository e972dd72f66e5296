namespace GrpcExports.Rendering.Encoder;

/// <summary>
/// The encoder arguments of each format and quality. x264: constant quality (CRF; lower is better, 18 is visually
/// lossless for most material) with a speed preset. VP9: constant quality needs <c>-b:v 0</c> beside the CRF (its
/// scale is 0..63); <c>-deadline</c>/<c>-cpu-used</c> trade speed for efficiency and <c>-row-mt 1</c> uses every core.
/// </summary>
/// <remarks>
/// | format | quality  | video                                           | audio           |
/// | mp4    | draft    | libx264 -preset ultrafast -crf 28               | aac 128 kb/s    |
/// | mp4    | standard | libx264 -preset veryfast -crf 23                | aac 160 kb/s    |
/// | mp4    | high     | libx264 -preset slow -crf 18                    | aac 256 kb/s    |
/// | webm   | draft    | libvpx-vp9 -crf 40 -deadline realtime -cpu-used 8 | libopus 96 kb/s |
/// | webm   | standard | libvpx-vp9 -crf 32 -deadline good -cpu-used 4   | libopus 128 kb/s |
/// | webm   | high     | libvpx-vp9 -crf 24 -deadline good -cpu-used 2   | libopus 192 kb/s |
/// </remarks>
public static class EncoderSettings
{
    public static IReadOnlyList<string> Video(OutputFormat format, ExportQuality quality) => (format, quality) switch
    {
        (OutputFormat.Mp4, _) => ["-c:v", "libx264", "-pix_fmt", "yuv420p", .. X264(quality)],
        (OutputFormat.Webm, _) => ["-c:v", "libvpx-vp9", "-pix_fmt", "yuv420p", "-b:v", "0", "-row-mt", "1", .. Vp9(quality)],
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static IReadOnlyList<string> Audio(OutputFormat format, ExportQuality quality) => format switch
    {
        OutputFormat.Mp4 => ["-c:a", "aac", "-b:a", Pick(quality, "128k", "160k", "256k")],
        OutputFormat.Webm => ["-c:a", "libopus", "-b:a", Pick(quality, "96k", "128k", "192k")],
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The muxer (<c>-f</c>) and its options: the output is written under a temporary name without the extension.</summary>
    public static IReadOnlyList<string> Container(OutputFormat format) => format switch
    {
        OutputFormat.Mp4 => ["-f", "mp4", "-movflags", "+faststart"],
        OutputFormat.Webm => ["-f", "webm"],
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static string[] X264(ExportQuality quality) => quality switch
    {
        ExportQuality.Draft => ["-preset", "ultrafast", "-crf", "28"],
        ExportQuality.Standard => ["-preset", "veryfast", "-crf", "23"],
        ExportQuality.High => ["-preset", "slow", "-crf", "18"],
        _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, null),
    };

    private static string[] Vp9(ExportQuality quality) => quality switch
    {
        ExportQuality.Draft => ["-crf", "40", "-deadline", "realtime", "-cpu-used", "8"],
        ExportQuality.Standard => ["-crf", "32", "-deadline", "good", "-cpu-used", "4"],
        ExportQuality.High => ["-crf", "24", "-deadline", "good", "-cpu-used", "2"],
        _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, null),
    };

    private static string Pick(ExportQuality quality, string draft, string standard, string high) => quality switch
    {
        ExportQuality.Draft => draft,
        ExportQuality.Standard => standard,
        ExportQuality.High => high,
        _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, null),
    };
}
