using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using GrpcExports.Rendering.Video;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>Decoded yuv420p frames converted to premultiplied RGBA by the renderer instead of by ffmpeg.</summary>
public sealed class PlanarYuvFrameTests
{
    [Theory]
    [InlineData(235, 128, 128, 255, 255, 255)]
    [InlineData(16, 128, 128, 0, 0, 0)]
    [InlineData(81, 90, 240, 255, 0, 0)]
    [InlineData(145, 54, 34, 0, 255, 0)]
    [InlineData(41, 240, 110, 0, 0, 255)]
    public void Flat_colours_convert_by_the_BT601_limited_range_matrix_on_every_pixel(int y, int u, int v, int r, int g, int b)
    {
        // 37 wide: two 16-pixel vector steps and an odd tail; 3 rows: the last chroma row covers one row only.
        var yuv = new PlanarYuvFrame(37, 3, hasAlpha: false);
        Fill(yuv, y, u, v);
        var image = new RasterImage(37, 3);

        yuv.ConvertTo(image);

        Assert.True(image.IsOpaque);
        for (var row = 0; row < 3; row++)
        {
            for (var x = 0; x < 37; x++)
            {
                PixelAssert.Near(new Color((byte)r, (byte)g, (byte)b), PixelMath.Unpremultiply(image.Row(row)[x]), tolerance: 1, $"({x}, {row})");
            }
        }
    }

    [Fact]
    public void An_alpha_plane_premultiplies_and_leaves_the_picture_not_opaque()
    {
        var yuv = new PlanarYuvFrame(20, 2, hasAlpha: true);
        Fill(yuv, 235, 128, 128);
        var alpha = yuv.Bytes.Span[^40..];
        alpha.Fill(255);
        alpha[3] = 0;
        alpha[25] = 128;
        var image = new RasterImage(20, 2);

        yuv.ConvertTo(image);

        Assert.False(image.IsOpaque);
        Assert.Equal(0u, image.Row(0)[3]);
        Assert.Equal(PixelMath.Pack(128, 128, 128, 128), image.Row(1)[5]);
        Assert.Equal(PixelMath.Pack(255, 255, 255, 255), image.Row(1)[6]);
    }

    [Fact]
    public async Task A_frame_converts_as_ffmpeg_converts_it()
    {
        // Smooth gradients in every channel; 102 wide, so each row ends in a tail after the vector steps. (Odd sides are
        // covered above: ffmpeg's own conversion of an odd-width frame goes wrong in its last columns.)
        const int width = 102, height = 70;
        var rgba = new byte[width * height * 4];
        for (var row = 0; row < height; row++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = (row * width + x) * 4;
                (rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]) =
                    ((byte)(x * 255 / (width - 1)), (byte)(row * 255 / (height - 1)), (byte)(255 - (x + row) * 255 / (width + height - 2)), 255);
            }
        }
        var yuv = new PlanarYuvFrame(width, height, hasAlpha: false);
        await ConvertWithFfmpegAsync(rgba, "rgba", yuv.Bytes, "yuv420p");
        var ffmpegs = new byte[rgba.Length];
        await ConvertWithFfmpegAsync(yuv.Bytes, "yuv420p", ffmpegs, "rgba");
        var ours = new RasterImage(width, height);

        yuv.ConvertTo(ours);

        var worst = (Difference: 0, At: 0);
        for (var i = 0; i < width * height; i++)
        {
            var pixel = ours.Row(i / width)[i % width];
            for (var channel = 0; channel < 4; channel++)
            {
                var difference = Math.Abs((int)((pixel >> (8 * channel)) & 0xFF) - ffmpegs[i * 4 + channel]);
                worst = difference > worst.Difference ? (difference, i) : worst;
            }
        }
        Assert.True(worst.Difference <= 3, $"pixel ({worst.At % width}, {worst.At / width}) differs from ffmpeg's by {worst.Difference}");

        async Task ConvertWithFfmpegAsync(ReadOnlyMemory<byte> from, string fromFormat, Memory<byte> to, string toFormat) =>
            await ToolProcess.RunAsync(MediaTools.Default.Ffmpeg,
                ["-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", fromFormat, "-s", $"{width}x{height}", "-i", "pipe:0",
                 "-f", "rawvideo", "-pix_fmt", toFormat, "pipe:1"],
                writeInput: (input, token) => input.WriteAsync(from, token).AsTask(),
                readOutput: async (output, token) => await output.ReadExactlyAsync(to, token));
    }

    private static void Fill(PlanarYuvFrame frame, int y, int u, int v)
    {
        var bytes = frame.Bytes.Span;
        var lumaSize = frame.Width * frame.Height;
        var chromaSize = (frame.Width + 1) / 2 * ((frame.Height + 1) / 2);
        bytes[..lumaSize].Fill((byte)y);
        bytes.Slice(lumaSize, chromaSize).Fill((byte)u);
        bytes.Slice(lumaSize + chromaSize, chromaSize).Fill((byte)v);
    }
}
