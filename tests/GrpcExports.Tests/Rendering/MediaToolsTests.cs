using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Tests.Rendering;

public sealed class MediaToolsTests
{
    [Fact]
    public void A_missing_tool_is_one_clear_error_naming_the_debian_package()
    {
        var tools = new MediaTools(new Dictionary<MediaTool, string>
        {
            [MediaTool.Ffmpeg] = "/nonexistent/ffmpeg",
            [MediaTool.ImageMagickConvert] = "/nonexistent/convert",
        });

        var ffmpeg = Assert.Throws<MissingMediaToolException>(() => tools.Ffmpeg);
        var convert = Assert.Throws<MissingMediaToolException>(() => tools.ImageMagickConvert);

        Assert.Equal("ffmpeg", ffmpeg.DebianPackage);
        Assert.Contains("apt-get install ffmpeg", ffmpeg.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/ffmpeg", ffmpeg.Message, StringComparison.Ordinal);
        Assert.Equal("imagemagick", convert.DebianPackage);
        Assert.Contains("apt-get install imagemagick", convert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageMagick_is_resolved_by_its_debian_name_never_through_path()
    {
        var convert = MediaTools.Default.ImageMagickConvert;

        Assert.StartsWith("/usr/bin/convert-im6", convert, StringComparison.Ordinal);
        Assert.Equal("/usr/bin/ffmpeg", MediaTools.Default.Ffmpeg);
        Assert.Equal("/usr/bin/ffprobe", MediaTools.Default.Ffprobe);
    }

    [Fact]
    public async Task A_tool_that_fails_reports_what_it_said()
    {
        var frame = new FrameBuffer(8, 8);
        frame.Clear(GrpcExports.Rendering.Timeline.Color.White);

        var error = await Assert.ThrowsAsync<MediaToolFailedException>(() =>
            new PngWriter(MediaTools.Default).WriteAsync(frame, "/nonexistent-directory/out.png"));

        Assert.NotEqual(0, error.ExitCode);
        Assert.Contains("nonexistent-directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_tool_stops_it()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = DateTime.UtcNow;

        // ffmpeg waiting for input that never comes until cancelled.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToolProcess.RunAsync(MediaTools.Default.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgba", "-s", "8x8", "-i", "pipe:0", "-f", "null", "-"],
            writeInput: (input, token) => Task.Delay(Timeout.Infinite, token),
            cancellationToken: cancel.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }
}
