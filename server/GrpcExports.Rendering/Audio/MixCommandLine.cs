using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// The ffmpeg argument list for a plan: one input per source, seeked to its in-point and limited to what the item
/// plays (plus a second of slack that the filter graph trims), the filter graph, and a 48 kHz stereo s16 WAV output.
/// Paths are passed as <c>file:</c> URLs so a name containing a colon is never read as a protocol.
/// </summary>
internal static class MixCommandLine
{
    private const double ReadSlackSeconds = 1;

    public static IReadOnlyList<string> Build(AudioMixPlan plan, string outputPath)
    {
        var arguments = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "error" };
        foreach (var source in plan.Sources)
        {
            if (source.InPointSeconds > 0)
            {
                arguments.AddRange(["-ss", FilterText.Number(source.InPointSeconds)]);
            }
            var readSeconds = MixFormat.Seconds(source.HeardSamples) * source.PlaybackRate + ReadSlackSeconds;
            arguments.AddRange(["-t", FilterText.Number(readSeconds), .. FfmpegInput.MediaFile(source.FilePath)]);
        }
        arguments.AddRange([
            "-filter_complex", MixFilterGraph.Build(plan),
            "-map", MixFilterGraph.OutputLabel,
            "-c:a", "pcm_s16le", "-ar", FilterText.Integer(MixFormat.SampleRate), "-ac", FilterText.Integer(MixFormat.Channels),
            // A mix over 4 GiB (about 6 h 12 min) switches to an RF64 header instead of overflowing RIFF's sizes.
            "-f", "wav", "-rf64", "auto", "-y", FfmpegInput.Url(outputPath),
        ]);
        return arguments;
    }
}
