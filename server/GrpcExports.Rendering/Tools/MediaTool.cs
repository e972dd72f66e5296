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
public sealed class MediaToolFailedException(string program, int exitCode, string standardError)
    : InvalidOperationException($"{Path.GetFileName(program)} exited with code {exitCode}: {standardError.Trim()}")
{
    public int ExitCode { get; } = exitCode;

    public string StandardError { get; } = standardError;

    /// <summary>The last <paramref name="lines"/> non-empty lines of <see cref="StandardError"/> (ffmpeg ends with the cause).</summary>
    public string StandardErrorTail(int lines = 15) =>
        string.Join('\n', StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines));
}
