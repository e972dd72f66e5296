namespace GrpcExports.Rendering.Encoder;

/// <summary>The ffmpeg encoder failed; the message ends with the last lines it wrote to standard error.</summary>
public sealed class EncoderFailedException(string standardErrorTail, Exception? inner)
    : InvalidOperationException($"The ffmpeg encoder failed: {standardErrorTail}", inner)
{
    public string StandardErrorTail { get; } = standardErrorTail;
}
