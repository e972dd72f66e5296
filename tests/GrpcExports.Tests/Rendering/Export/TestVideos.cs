using System.Globalization;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>Source clips for video tests, made by the real ffmpeg from its lavfi colour and test-pattern sources.</summary>
public static class TestVideos
{
    /// <summary>A 30 fps H.264 clip of <paramref name="width"/>x<paramref name="height"/>: red for the first second,
    /// blue for the next one.</summary>
    public static Task RedThenBlueAsync(string path, int width = 160, int height = 90) => FfmpegAsync(
        "-f", "lavfi", "-i", $"color=c=red:s={width}x{height}:r=30:d=1",
        "-f", "lavfi", "-i", $"color=c=blue:s={width}x{height}:r=30:d=1",
        "-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]",
        "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv444p", path);

    /// <summary>A 30 fps H.264 clip of 160x90 for <paramref name="seconds"/>: its left half red, its right half blue.</summary>
    public static Task RedLeftBlueRightAsync(string path, double seconds) => FfmpegAsync(
        "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"color=c=red:s=80x90:r=30:d={seconds}"),
        "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"color=c=blue:s=80x90:r=30:d={seconds}"),
        "-filter_complex", "[0:v][1:v]hstack=inputs=2[v]", "-map", "[v]",
        "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv444p", path);

    /// <summary>ffmpeg's moving test pattern for <paramref name="seconds"/> at 30 fps.</summary>
    public static Task TestPatternAsync(string path, int width, int height, double seconds) => FfmpegAsync(
        "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"testsrc2=s={width}x{height}:r=30:d={seconds}"),
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path);

    private static Task FfmpegAsync(params string[] arguments) =>
        ToolProcess.RunAsync(MediaTools.Default.Ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", .. arguments]);
}
