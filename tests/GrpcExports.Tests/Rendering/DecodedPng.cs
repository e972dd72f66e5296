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

    /// <summary>The pixels of rows <c>[top, bottom)</c> that <paramref name="isInk"/> picks.</summary>
    public List<(int X, int Y)> Ink(Func<Color, bool> isInk, int top = 0, int bottom = int.MaxValue)
    {
        var found = new List<(int, int)>();
        for (var y = top; y < Math.Min(bottom, Height); y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (isInk(this[x, y]))
                {
                    found.Add((x, y));
                }
            }
        }
        return found;
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
