using System.Globalization;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Encoder;

/// <summary>What one encoder run writes: frames of this size and rate, the optional audio WAV, in this format.</summary>
public sealed record EncodeJob(int Width, int Height, FrameRate Rate, OutputFormat Format, ExportQuality Quality,
    string? AudioWavPath, string OutputPath)
{
    internal EncoderInput Input { get; init; } = EncoderInput.Yuv420;

    /// <summary>Frames the caller will write; the encoder's time bound grows with the seconds they last.</summary>
    public long FrameCount { get; init; }
}

/// <summary>
/// One ffmpeg process reading raw frames from its stdin (<c>-f rawvideo</c>, yuv420p or rgba as the job says) and the
/// mixed audio from a WAV, writing the export. The caller streams the frames; cancelling kills the process.
/// </summary>
public sealed class VideoEncoder(MediaTools tools)
{
    public async Task EncodeAsync(EncodeJob job, Func<Stream, CancellationToken, Task> writeFrames, CancellationToken cancellationToken)
    {
        try
        {
            await tools.RunAsync(MediaTool.Ffmpeg, Arguments(job), job.FrameCount / job.Rate.FramesPerSecond, writeInput: writeFrames,
                cancellationToken: cancellationToken);
        }
        catch (MediaToolFailedException failed)
        {
            throw new EncoderFailedException(failed.StandardErrorTail(), failed);
        }
    }

    public static IReadOnlyList<string> Arguments(EncodeJob job)
    {
        List<string> arguments =
        [
            // -xerror: without it ffmpeg 5.1 only logs a failed trailer write (a full disk) and exits 0, leaving a truncated file.
            "-hide_banner", "-loglevel", "error", "-y", "-xerror",
            .. FfmpegInput.PipeOptions, "-f", "rawvideo", "-pix_fmt", job.Input == EncoderInput.Yuv420 ? "yuv420p" : "rgba",
            "-s", string.Create(CultureInfo.InvariantCulture, $"{job.Width}x{job.Height}"),
            "-framerate", string.Create(CultureInfo.InvariantCulture, $"{job.Rate.Numerator}/{job.Rate.Denominator}"),
            "-i", "pipe:0",
        ];
        if (job.AudioWavPath is not null)
        {
            arguments.AddRange(["-protocol_whitelist", "file", "-f", "wav", "-i", FfmpegInput.Url(job.AudioWavPath), "-map", "0:v:0", "-map", "1:a:0"]);
        }
        arguments.AddRange(EncoderSettings.Video(job.Format, job.Quality));
        if (job.AudioWavPath is not null)
        {
            arguments.AddRange(EncoderSettings.Audio(job.Format, job.Quality));
        }
        arguments.AddRange(EncoderSettings.Container(job.Format));
        arguments.Add(job.OutputPath);
        return arguments;
    }
}
