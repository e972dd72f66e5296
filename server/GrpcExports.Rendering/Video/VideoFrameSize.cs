using System.Text.Json;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Video;

/// <summary>Asks ffprobe for the pixel size of a file's first video stream (the size its frames decode at).</summary>
internal static class VideoFrameSize
{
    public static async Task<(int Width, int Height)> ProbeAsync(MediaTools tools, string assetId, string filePath, CancellationToken cancellationToken)
    {
        var json = "";
        try
        {
            await tools.RunAsync(MediaTool.Ffprobe,
                ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "json",
                    .. FfmpegInput.MediaFileOptions, FfmpegInput.Url(filePath)],
                readOutput: async (output, token) =>
                {
                    using var reader = new StreamReader(output, leaveOpen: true);
                    json = await reader.ReadToEndAsync(token);
                },
                cancellationToken: cancellationToken);
        }
        catch (MediaToolFailedException failed)
        {
            throw new VideoDecodeException(assetId, failed.StandardErrorTail(), failed);
        }
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.TryGetProperty("streams", out var streams) && streams.GetArrayLength() > 0
            && streams[0].TryGetProperty("width", out var width) && streams[0].TryGetProperty("height", out var height)
            && width.GetInt32() > 0 && height.GetInt32() > 0)
        {
            return (width.GetInt32(), height.GetInt32());
        }
        throw new VideoDecodeException(assetId, "ffprobe found no video stream with a size");
    }
}
