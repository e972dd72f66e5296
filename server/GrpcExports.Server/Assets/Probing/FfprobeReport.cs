using System.Globalization;
using System.Text.Json;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Server.Assets.Probing;

/// <summary>What ffprobe says about a file's container and its first video and audio streams.</summary>
internal sealed record FfprobeReport(string FormatName, double? DurationSeconds, FfprobeStream? Video, FfprobeStream? Audio)
{
    /// <summary>Runs ffprobe; <see cref="MediaToolFailedException"/> when it cannot read the file at all.</summary>
    public static async Task<FfprobeReport> ReadAsync(MediaTools tools, string path, CancellationToken cancellationToken)
    {
        using var document = await tools.ProbeJsonAsync(["-show_format", "-show_streams"], path, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var format = root.GetProperty("format");
        var streams = root.TryGetProperty("streams", out var list) ? list.EnumerateArray().ToList() : [];
        // A cover picture inside an audio file is a video stream too; it does not make the file a video.
        var video = streams.FirstOrDefault(s => Text(s, "codec_type") == "video" && !IsAttachedPicture(s));
        var audio = streams.FirstOrDefault(s => Text(s, "codec_type") == "audio");
        return new FfprobeReport(Text(format, "format_name") ?? "", Number(format, "duration"),
            video.ValueKind == JsonValueKind.Object ? FfprobeStream.From(video) : null,
            audio.ValueKind == JsonValueKind.Object ? FfprobeStream.From(audio) : null);
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition)
        && disposition.TryGetProperty("attached_pic", out var flag) && flag.ValueKind == JsonValueKind.Number && flag.GetInt32() == 1;

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>ffprobe writes most numbers as strings ("4.000000"), some as numbers.</summary>
    internal static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
