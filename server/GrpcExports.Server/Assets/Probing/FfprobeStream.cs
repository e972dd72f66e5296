using System.Globalization;
using System.Text.Json;

namespace GrpcExports.Server.Assets.Probing;

/// <summary>One stream of an <see cref="FfprobeReport"/>. Width and height are as displayed (rotation applied).</summary>
internal sealed record FfprobeStream(string Codec, int Width, int Height, double FrameRate, long FrameCount, int SampleRate, int Channels,
    double? DurationSeconds)
{
    public static FfprobeStream From(JsonElement stream)
    {
        var width = (int)(FfprobeReport.Number(stream, "width") ?? 0);
        var height = (int)(FfprobeReport.Number(stream, "height") ?? 0);
        if (Math.Abs(Rotation(stream)) % 180 == 90)
        {
            (width, height) = (height, width);
        }
        return new FfprobeStream(FfprobeReport.Text(stream, "codec_name") ?? "", width, height,
            Rate(FfprobeReport.Text(stream, "avg_frame_rate")), (long)(FfprobeReport.Number(stream, "nb_frames") ?? 0),
            (int)(FfprobeReport.Number(stream, "sample_rate") ?? 0), (int)(FfprobeReport.Number(stream, "channels") ?? 0),
            FfprobeReport.Number(stream, "duration"));
    }

    /// <summary>The display rotation in degrees: the display matrix side data (ffmpeg 5+), or the older "rotate" tag.</summary>
    private static int Rotation(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in sideData.EnumerateArray())
            {
                if (FfprobeReport.Number(entry, "rotation") is { } degrees)
                {
                    return (int)Math.Round(degrees);
                }
            }
        }
        return stream.TryGetProperty("tags", out var tags) && FfprobeReport.Number(tags, "rotate") is { } rotate ? (int)Math.Round(rotate) : 0;
    }

    /// <summary>"30000/1001" as a number; 0 for "0/0" or anything unreadable.</summary>
    private static double Rate(string? fraction)
    {
        var parts = (fraction ?? "").Split('/');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator) && denominator != 0
            ? numerator / denominator
            : 0;
    }
}
