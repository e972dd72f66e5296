using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Encoder;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>Composed frames converted to the encoder's yuv420p by the renderer instead of by ffmpeg.</summary>
public sealed class Yuv420FrameTests
{
    [Theory]
    [InlineData(255, 255, 255, 235, 128, 128)]
    [InlineData(0, 0, 0, 16, 128, 128)]
    [InlineData(255, 0, 0, 81, 90, 240)]
    [InlineData(0, 255, 0, 145, 54, 34)]
    [InlineData(0, 0, 255, 41, 240, 110)]
    public void Flat_colours_get_the_BT601_limited_range_values(int r, int g, int b, int y, int u, int v)
    {
        var frame = new FrameBuffer(4, 2);
        frame.Pixels.Fill(PixelMath.Pack(r, g, b, 255));
        var yuv = new Yuv420Frame(4, 2);

        yuv.Fill(frame);

        Assert.Equal([.. Enumerable.Repeat((byte)y, 8), (byte)u, (byte)u, (byte)v, (byte)v], yuv.Memory.ToArray());
    }

    [Fact]
    public async Task A_picture_converts_as_ffmpeg_converts_the_same_RGBA_frame()
    {
        // Smooth gradients in every channel, 70 rows: more than two parallel steps, the last one partial.
        const int width = 96, height = 70;
        var frame = new FrameBuffer(width, height);
        for (var row = 0; row < height; row++)
        {
            for (var x = 0; x < width; x++)
            {
                frame.Row(row)[x] = PixelMath.Pack(x * 255 / (width - 1), row * 255 / (height - 1), 255 - (x + row) * 255 / (width + height - 2), 255);
            }
        }
        var ours = new Yuv420Frame(width, height);
        ours.Fill(frame);

        var ffmpegs = new byte[width * height * 3 / 2];
        await ToolProcess.RunAsync(MediaTools.Default.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgba", "-s", $"{width}x{height}", "-i", "pipe:0",
             "-f", "rawvideo", "-pix_fmt", "yuv420p", "pipe:1"],
            writeInput: (input, token) => input.WriteAsync(frame.ByteMemory, token).AsTask(),
            readOutput: async (output, token) => await output.ReadExactlyAsync(ffmpegs, token));

        var converted = ours.Memory.ToArray();
        var worst = Enumerable.Range(0, converted.Length).MaxBy(i => Math.Abs(converted[i] - ffmpegs[i]));
        Assert.True(Math.Abs(converted[worst] - ffmpegs[worst]) <= 2,
            $"byte {worst} of {converted.Length}: ours {converted[worst]}, ffmpeg's {ffmpegs[worst]}");
    }

    [Fact]
    public void Odd_sides_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new Yuv420Frame(5, 4));
        Assert.Throws<ArgumentException>(() => new Yuv420Frame(4, 5));
    }
}
