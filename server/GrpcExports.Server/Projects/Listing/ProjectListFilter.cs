namespace GrpcExports.Server.Projects.Listing;

/// <summary>Which of the owner's live projects ListProjects returns; empty or null parts do not filter.</summary>
internal sealed record ProjectListFilter(
    string OwnerId,
    string FolderId,
    string TitleContains,
    DateTimeOffset? UpdatedAtOrAfter,
    DateTimeOffset? UpdatedBefore);

/// <summary>Where a page starts in listing order (update time descending, then id descending): just after this project.</summary>
internal sealed record ProjectListCursor(DateTimeOffset UpdatedAt, Guid ProjectId);
