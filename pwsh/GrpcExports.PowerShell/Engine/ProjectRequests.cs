namespace GrpcExports.PowerShell.Engine;

/// <summary>CreateProject's input; a null editor state asks the server for a blank one.</summary>
internal sealed record NewProject(string? Title, string? Description, string? FolderId, string? EditorStateJson);

/// <summary>UpdateProject's input: only the non-null fields change (they make the field mask).</summary>
internal sealed record ProjectChanges(string Id, string? Title, string? Description, string? FolderId);

/// <summary>CloneProject's input; version 0 is the latest, null names are copied from the source.</summary>
internal sealed record ProjectCopy(string Id, long Version, string? Title, string? Description, string? FolderId);

/// <summary>ListProjects' filters; null or empty means no filter. <see cref="UpdatedAfter"/> is inclusive.</summary>
internal sealed record ProjectFilter(string? FolderId, string? TitleContains, DateTime? UpdatedAfter = null);

/// <summary>One page of a list call: how many at most, and the token of the previous page (empty for the first).</summary>
internal sealed record PageRequest(int Size, string Token);

/// <summary>One page of a list answer; an empty <see cref="NextToken"/> means it was the last.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string NextToken);

/// <summary>GetProjectThumbnail's input: version 0 is the latest, a null time the first frame with content, width 0 the server's default.</summary>
internal sealed record ThumbnailRequest(string Id, long Version, TimeSpan? Time, int Width, string Format, int FrameCount);
