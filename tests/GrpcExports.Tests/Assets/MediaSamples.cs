using GrpcExports.Rendering.Tools;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Assets;

/// <summary>Media files made by the real ffmpeg for upload tests, in a temporary folder per test class.</summary>
public sealed class MediaSamples : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>An H.264/AAC mp4 of testsrc and a sine tone, 320x240 at 25 fps.</summary>
    public Task<byte[]> VideoAsync(double seconds, bool fastStart = false) => MakeAsync("video.mp4",
        ["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast",
            "-pix_fmt", "yuv420p", "-c:a", "aac", .. (string[])(fastStart ? ["-movflags", "+faststart"] : [])]);

    public Task<byte[]> PngAsync(int width, int height) => MakeAsync("image.png",
        ["-f", "lavfi", "-i", $"testsrc=size={width}x{height}", "-frames:v", "1"]);

    /// <summary>A PNG of one colour (an ffmpeg colour such as <c>red</c> or <c>0x00ff00</c>).</summary>
    public Task<byte[]> SolidPngAsync(string color, int width, int height) => MakeAsync("solid.png",
        ["-f", "lavfi", "-i", $"color=c={color}:size={width}x{height}", "-frames:v", "1"]);

    /// <summary>A stereo 44.1 kHz WAV of a sine tone.</summary>
    public Task<byte[]> WavAsync(double seconds) => MakeAsync("tone.wav",
        ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-ac", "2"]);

    /// <summary>An animated GIF of testsrc, 40x30, 10 frames a second.</summary>
    public Task<byte[]> AnimatedGifAsync(int frames) => MakeAsync("anim.gif",
        ["-f", "lavfi", "-i", "testsrc=size=40x30:rate=10", "-frames:v", frames.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    private async Task<byte[]> MakeAsync(string name, string[] arguments)
    {
        var path = Path.Combine(_directory.Path, $"{Guid.NewGuid():N}-{name}");
        var result = await ExternalProcess.RunAsync(MediaTools.Default.Ffmpeg, ["-v", "error", "-y", .. arguments, path]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return await File.ReadAllBytesAsync(path);
    }
}
