using System.Globalization;
using System.Text.Json;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>What ffprobe says about an exported file, and its frames decoded back by ffmpeg.</summary>
public sealed class ProbedExport
{
    private readonly string _path;

    private ProbedExport(string path, JsonElement video, JsonElement? audio, double durationSeconds)
    {
        _path = path;
        VideoCodec = video.GetProperty("codec_name").GetString()!;
        PixelFormat = video.GetProperty("pix_fmt").GetString()!;
        Width = video.GetProperty("width").GetInt32();
        Height = video.GetProperty("height").GetInt32();
        FrameRate = Fraction(video.GetProperty("avg_frame_rate").GetString()!);
        AudioCodec = audio?.GetProperty("codec_name").GetString();
        DurationSeconds = durationSeconds;
    }

    public string VideoCodec { get; }

    public string PixelFormat { get; }

    public int Width { get; }

    public int Height { get; }

    public double FrameRate { get; }

    /// <summary>Null when the file has no audio stream.</summary>
    public string? AudioCodec { get; }

    /// <summary>The video stream's length: its frame count (counted by decoding) over its rate.</summary>
    public double DurationSeconds { get; }

    public static async Task<ProbedExport> ReadAsync(string path)
    {
        var result = await ExternalProcess.RunAsync(MediaTools.Default.Ffprobe,
            ["-v", "error", "-count_frames", "-show_streams", "-of", "json", path]);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.StandardOutput);
        var streams = document.RootElement.GetProperty("streams").EnumerateArray().Select(s => s.Clone()).ToList();
        var video = Assert.Single(streams, s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.Where(s => s.GetProperty("codec_type").GetString() == "audio").Cast<JsonElement?>().SingleOrDefault();
        var frames = long.Parse(video.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture);
        var rate = Fraction(video.GetProperty("avg_frame_rate").GetString()!);
        return new ProbedExport(path, video, audio, frames / rate);
    }

    /// <summary>The colour at (x, y) of frame <paramref name="frame"/> (counted from 0), decoded by ffmpeg.</summary>
    public async Task<Color> ColorAtAsync(long frame, int x, int y)
    {
        using var buffer = new MemoryStream();
        await ToolProcess.RunAsync(MediaTools.Default.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-i", _path, "-vf", $"select=eq(n\\,{frame})", "-frames:v", "1",
             "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
            readOutput: (output, token) => output.CopyToAsync(buffer, token));
        var bytes = buffer.ToArray();
        Assert.Equal(Width * Height * 3, bytes.Length);
        var offset = (y * Width + x) * 3;
        return new Color(bytes[offset], bytes[offset + 1], bytes[offset + 2]);
    }

    /// <summary>Every frame of the video stream decoded by ffmpeg, in order, each as packed RGB (3 bytes a pixel, rows top to bottom).</summary>
    public async Task<IReadOnlyList<byte[]>> FramesAsync()
    {
        using var buffer = new MemoryStream();
        await ToolProcess.RunAsync(MediaTools.Default.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-i", _path, "-map", "0:v:0", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
            readOutput: (output, token) => output.CopyToAsync(buffer, token));
        var frameBytes = Width * Height * 3;
        var bytes = buffer.ToArray();
        Assert.True(bytes.Length % frameBytes == 0, $"ffmpeg wrote {bytes.Length} bytes, not a whole number of {Width}x{Height} frames");
        return [.. bytes.Chunk(frameBytes)];
    }

    private static double Fraction(string text)
    {
        var parts = text.Split('/');
        return double.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture);
    }
}
