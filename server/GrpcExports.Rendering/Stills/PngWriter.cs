using System.Buffers;
using System.Globalization;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Stills;

/// <summary>
/// Writes a frame as an RGBA PNG by piping its straight-alpha pixels to ffmpeg
/// (<c>-f rawvideo -pix_fmt rgba -s WxH -i - ... out.png</c>); transparency is kept.
/// </summary>
public sealed class PngWriter(MediaTools tools)
{
    public async Task WriteAsync(FrameBuffer frame, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var size = frame.Width * frame.Height * 4;
        var rgba = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            frame.CopyStraightRgbaTo(rgba);
            string[] arguments =
            [
                "-hide_banner", "-loglevel", "error",
                .. FfmpegInput.PipeOptions, "-f", "rawvideo", "-pix_fmt", "rgba",
                "-s", string.Create(CultureInfo.InvariantCulture, $"{frame.Width}x{frame.Height}"),
                "-i", "pipe:0",
                "-frames:v", "1", "-c:v", "png", "-pix_fmt", "rgba",
                "-f", "image2", "-update", "1", "-y", Path.GetFullPath(path),
            ];
            await tools.RunAsync(MediaTool.Ffmpeg, arguments,
                writeInput: (input, token) => input.WriteAsync(rgba.AsMemory(0, size), token).AsTask(),
                cancellationToken: cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgba);
        }
    }
}
