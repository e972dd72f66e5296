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

    /// <summary>
    /// How much JSON text (in characters, summed over projects) of recently written editor states a server keeps
    /// parsed in memory, so the next sync of those projects need not read and parse the previous state (their trees
    /// take several times the text's size). 0 turns the cache off. Default 8 Mi characters: some 80 projects of 100 KB.
    /// </summary>
    public long StateCacheSize { get; set; } = 8 * 1024 * 1024;
}
