using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// A PNG decoded back to straight RGBA by ImageMagick (a different program from the ffmpeg that wrote it), so pixel
/// assertions read what a viewer of the file would see.
/// </summary>
public sealed class DecodedPng(int width, int height, byte[] rgba)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public Color this[int x, int y]
    {
        get
        {
            var offset = (y * Width + x) * 4;
            return new Color(rgba[offset], rgba[offset + 1], rgba[offset + 2], rgba[offset + 3]);
        }
    }

    public static async Task<DecodedPng> ReadAsync(string path, int width, int height)
    {
        using var buffer = new MemoryStream();
        await ToolProcess.RunAsync(MediaTools.Default.ImageMagickConvert, [$"png:{path}", "-depth", "8", "rgba:-"],
            readOutput: (output, token) => output.CopyToAsync(buffer, token));
        var bytes = buffer.ToArray();
        Assert.Equal(width * height * 4, bytes.Length);
        return new DecodedPng(width, height, bytes);
    }
}
