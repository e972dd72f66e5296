using GrpcExports.Server.Database;

namespace GrpcExports.Server.Thumbnails;

/// <summary>The "Thumbnails" configuration section.</summary>
internal sealed class ThumbnailOptions
{
    public const string SectionName = "Thumbnails";

    /// <summary>Where rendered thumbnails are cached. Relative paths are relative to the content root. Default: <c>thumbnails</c> under the data directory.</summary>
    public string? Directory { get; set; }

    public string ResolveDirectory(DatabaseOptions database, string contentRoot) => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(database.ResolveDataDirectory(contentRoot), "thumbnails")
        : Path.GetFullPath(Directory, contentRoot);
}
