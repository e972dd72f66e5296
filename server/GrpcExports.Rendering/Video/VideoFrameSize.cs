using System.Text.Json;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Video;

/// <summary>Asks ffprobe for the pixel size of a file's first video stream (the size its frames decode at).</summary>
internal static class VideoFrameSize
{
    public static async Task<(int Width, int Height)> ProbeAsync(MediaTools tools, string assetId, string filePath, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await tools.ProbeJsonAsync(["-select_streams", "v:0", "-show_entries", "stream=width,height"], filePath, cancellationToken);
        }
        catch (MediaToolFailedException failed)
        {
            throw new VideoDecodeException(assetId, failed.StandardErrorTail(), failed);
        }
        using var _ = document;
        if (document.RootElement.TryGetProperty("streams", out var streams) && streams.GetArrayLength() > 0
            && streams[0].TryGetProperty("width", out var width) && streams[0].TryGetProperty("height", out var height)
            && width.GetInt32() > 0 && height.GetInt32() > 0)
        {
            return (width.GetInt32(), height.GetInt32());
        }
        throw new VideoDecodeException(assetId, "ffprobe found no video stream with a size");
    }
}
