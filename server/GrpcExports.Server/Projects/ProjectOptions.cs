namespace GrpcExports.Server.Projects;

/// <summary>The "Projects" configuration section.</summary>
internal sealed class ProjectOptions
{
    public const string SectionName = "Projects";

    /// <summary>
    /// A sync stores the full editor state instead of a patch once this many state versions have passed since the
    /// last full state, so reading any version applies at most this many minus one patches. Default 50.
    /// </summary>
    public int SnapshotEvery { get; set; } = 50;
}
