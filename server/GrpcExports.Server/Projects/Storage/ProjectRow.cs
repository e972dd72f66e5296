namespace GrpcExports.Server.Projects.Storage;

/// <summary>A project as the projection holds it (table projects), or as it was at a past version.</summary>
/// <param name="EditorStateJson">The editor state's JSON text; null when it was not read (BASIC view).</param>
/// <param name="ClonedFrom">The project version CloneProject copied this one from; null for other projects.</param>
internal sealed record ProjectRow(
    Guid ProjectId,
    string OwnerId,
    string Title,
    string Description,
    string FolderId,
    long Version,
    long StateVersion,
    string? EditorStateJson,
    long EditorStateSizeBytes,
    long SnapshotVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset StateUpdatedAt,
    ProjectVersionPointer? ClonedFrom = null);

/// <summary>One version of one project.</summary>
internal sealed record ProjectVersionPointer(Guid ProjectId, long Version);

/// <summary>The project file a project was imported from: its name and SHA-256, and the project version it was written from.</summary>
internal sealed record ImportSource(string FileName, string Sha256, string ProjectId, long Version);
