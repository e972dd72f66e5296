namespace GrpcExports.Rendering.Tools;

/// <summary>The external programs the renderer runs.</summary>
public enum MediaTool
{
    Ffmpeg,
    Ffprobe,

    /// <summary>ImageMagick's <c>convert</c> (ImageMagick 6, as Debian 12 ships it).</summary>
    ImageMagickConvert,

    /// <summary>ImageMagick's <c>montage</c> (contact sheets).</summary>
    ImageMagickMontage,

    /// <summary>ImageMagick's <c>identify</c> (probing uploaded pictures).</summary>
    ImageMagickIdentify,
}

/// <summary>A program the renderer needs is not installed where it was looked for.</summary>
public sealed class MissingMediaToolException(MediaTool tool, IReadOnlyList<string> searched, string debianPackage)
    : InvalidOperationException(
        $"{MediaTools.DisplayName(tool)} is not installed: looked for {string.Join(", ", searched)}. " +
        $"Install the Debian package '{debianPackage}' (apt-get install {debianPackage}).")
{
    public MediaTool Tool { get; } = tool;

    public string DebianPackage { get; } = debianPackage;
}

/// <summary>A tool ran and failed; <see cref="StandardError"/> is what it said.</summary>
public class MediaToolFailedException : InvalidOperationException
{
    public MediaToolFailedException(string program, int exitCode, string standardError)
        : this(exitCode, standardError, $"{Path.GetFileName(program)} exited with code {exitCode}: {standardError.Trim()}")
    {
    }

    private protected MediaToolFailedException(int exitCode, string standardError, string message) : base(message)
    {
        ExitCode = exitCode;
        StandardError = standardError;
    }

    public int ExitCode { get; }

    public string StandardError { get; }

    /// <summary>The last <paramref name="lines"/> non-empty lines of <see cref="StandardError"/> (ffmpeg ends with the cause).</summary>
    public string StandardErrorTail(int lines = 15) =>
        string.Join('\n', StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines));
}

/// <summary>
/// A tool ran longer than its time bound (MediaTools:Timeout plus MediaTools:TimeoutPerMediaSecond for the media it
/// worked on) and was killed with its process group.
/// </summary>
public sealed class MediaToolTimedOutException(string program, TimeSpan bound)
    : MediaToolFailedException(-1, Describe(program, bound), Describe(program, bound))
{
    public TimeSpan Bound { get; } = bound;

    private static string Describe(string program, TimeSpan bound) =>
        $"{Path.GetFileName(program)} was stopped after its time bound of {bound.TotalSeconds:0.###} s";
}
