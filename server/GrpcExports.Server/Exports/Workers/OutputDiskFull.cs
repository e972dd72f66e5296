using GrpcExports.Rendering.Tools;

namespace GrpcExports.Server.Exports.Workers;

/// <summary>
/// Tells a render that failed because the output directory's file system ran out of space (ENOSPC) from other
/// failures: an IOException of our own writes, or an ffmpeg whose message is the C library's text for ENOSPC.
/// </summary>
internal static class OutputDiskFull
{
    public const string Message = "The output directory ran out of space during the render; its partial file was removed. Free space and export again.";

    /// <summary>ENOSPC, which .NET keeps as the IOException's HResult on Linux.</summary>
    private const int NoSpaceLeftOnDevice = 28;

    /// <summary>strerror(ENOSPC), which ffmpeg prints when a write fails for lack of space.</summary>
    private const string NoSpaceText = "No space left on device";

    public static bool Caused(Exception error) => error switch
    {
        IOException io when io.HResult == NoSpaceLeftOnDevice => true,
        MediaToolFailedException tool when tool.StandardError.Contains(NoSpaceText, StringComparison.Ordinal) => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Caused),
        _ => error.InnerException is { } inner && Caused(inner),
    };
}
