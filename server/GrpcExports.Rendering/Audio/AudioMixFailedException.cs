using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Audio;

/// <summary>ffmpeg failed while mixing; the message ends with the last lines it wrote to standard error.</summary>
public sealed class AudioMixFailedException(MediaToolFailedException failure)
    : InvalidOperationException($"ffmpeg could not mix the audio (exit code {failure.ExitCode}): {Tail(failure.StandardError)}", failure)
{
    private const int TailLines = 20;

    public string StandardErrorTail { get; } = Tail(failure.StandardError);

    private static string Tail(string standardError) =>
        string.Join('\n', standardError.Trim().Split('\n').TakeLast(TailLines));
}
