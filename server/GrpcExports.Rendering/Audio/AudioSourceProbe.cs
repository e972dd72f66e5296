using System.Globalization;
using System.Text.Json;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Audio;

/// <summary>Asks ffprobe whether a file has an audio stream and how long it lasts.</summary>
internal static class AudioSourceProbe
{
    public static async Task<SourceAudio> ProbeAsync(MediaTools tools, string assetId, string filePath, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await tools.ProbeJsonAsync(
                ["-select_streams", "a:0", "-show_entries", "stream=duration,channels:format=duration"], filePath, cancellationToken);
        }
        catch (MediaToolFailedException failed)
        {
            throw new AssetUnavailableException(assetId, $"could not be read as media: {failed.StandardError.Trim()}", failed);
        }
        using var _ = document;
        var root = document.RootElement;
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
        {
            return new SourceAudio(filePath, HasAudio: false, DurationSeconds: null, Channels: 0);
        }
        var stream = streams[0];
        var duration = Seconds(stream) ?? (root.TryGetProperty("format", out var format) ? Seconds(format) : null);
        var channels = stream.TryGetProperty("channels", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : 2;
        return new SourceAudio(filePath, HasAudio: true, duration, channels);
    }

    private static double? Seconds(JsonElement element) =>
        element.TryGetProperty("duration", out var duration) && duration.ValueKind == JsonValueKind.String
            && double.TryParse(duration.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;
}
