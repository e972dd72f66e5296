using GrpcExports.Server.Database;

namespace GrpcExports.Server.Assets;

/// <summary>The "Assets" configuration section.</summary>
internal sealed class AssetOptions
{
    public const string SectionName = "Assets";

    /// <summary>
    /// Where uploaded content and uploads in progress are kept. Relative paths are relative to the content root.
    /// Default: the <c>assets</c> folder of the data directory (<c>Database:DataDirectory</c>).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>The largest upload accepted, in bytes. Default 4 GiB.</summary>
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>The asset directory as an absolute path.</summary>
    public string ResolveDirectory(DatabaseOptions database, string contentRoot) => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(database.ResolveDataDirectory(contentRoot), "assets")
        : Path.GetFullPath(Directory, contentRoot);
}
