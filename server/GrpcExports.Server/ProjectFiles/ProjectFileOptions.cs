namespace GrpcExports.Server.ProjectFiles;

/// <summary>The "ProjectFiles" configuration section: the limits every project file read by the server is held to.</summary>
internal sealed class ProjectFileOptions
{
    public const string SectionName = "ProjectFiles";

    /// <summary>The largest project file ImportProjectFile and ValidateProjectFile accept, in bytes. Default 4 GiB.</summary>
    public long MaxFileBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>The most all entries of one file may hold uncompressed, in bytes. Default 8 GiB.</summary>
    public long MaxUncompressedBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    /// <summary>The highest uncompressed-to-compressed ratio of an entry larger than <see cref="RatioCheckFloorBytes"/>. Default 100.</summary>
    public double MaxCompressionRatio { get; set; } = 100;

    /// <summary>Entries up to this size are not held to <see cref="MaxCompressionRatio"/> (small text compresses well). Default 1 MiB.</summary>
    public long RatioCheckFloorBytes { get; set; } = 1024 * 1024;

    /// <summary>The most entries one file may have. Default 10,000.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>The largest manifest or editor state entry, in bytes. Default 64 MiB.</summary>
    public long MaxDocumentBytes { get; set; } = 64L * 1024 * 1024;
}
