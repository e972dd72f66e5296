namespace GrpcExports.Rendering.Assets;

/// <summary>
/// The configured media directory: files named by a path relative to it. Paths are user input, so a path is refused
/// when it is absolute, has an empty, <c>.</c> or <c>..</c> segment, or passes through a symbolic link anywhere below the
/// root: whatever a document or request names, nothing outside the directory is ever read.
/// </summary>
public sealed class MediaDirectory
{
    public MediaDirectory(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public string Root { get; }

    /// <summary>The absolute path of an existing regular file at <paramref name="relativePath"/>, or why there is none.</summary>
    public MediaFile Find(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var segments = relativePath.Split('/');
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Contains('\0', StringComparison.Ordinal)
            || segments.Any(segment => segment is "" or "." or ".."))
        {
            return MediaFile.Refused("is not a plain relative path inside the media directory (no leading '/', '.', '..' or empty segments)");
        }
        var path = Root;
        foreach (var segment in segments)
        {
            path = Path.Combine(path, segment);
            var entry = new FileInfo(path);
            if (entry.LinkTarget is not null)
            {
                return MediaFile.Refused("passes through a symbolic link, which the media directory does not follow");
            }
            if (!entry.Exists && !Directory.Exists(path))
            {
                return MediaFile.Missing;
            }
        }
        return File.Exists(path) ? new MediaFile(path, null) : MediaFile.Missing;
    }
}

/// <summary>The outcome of <see cref="MediaDirectory.Find"/>: the file's absolute path when found, else the reason a path was refused (null when simply absent).</summary>
public sealed record MediaFile(string? Path, string? RefusedBecause)
{
    public static MediaFile Missing { get; } = new(null, null);

    public static MediaFile Refused(string reason) => new(null, reason);
}
