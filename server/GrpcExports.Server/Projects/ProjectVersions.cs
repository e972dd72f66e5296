using GrpcExports.Server.Projects.Storage;

namespace GrpcExports.Server.Projects;

/// <summary>One version of a caller's project with its editor state, for the RPCs that take a project id and a version (0 = latest).</summary>
internal static class ProjectVersions
{
    /// <summary>The project at <paramref name="version"/>; PROJECT_NOT_FOUND, PROJECT_VERSION_NOT_FOUND or INVALID_REQUEST otherwise.</summary>
    public static async Task<ProjectRow> ReadAsync(ProjectStore store, string projectIdText, long version, string ownerId,
        CancellationToken cancellationToken)
    {
        var projectId = ProjectRequests.ProjectId(projectIdText);
        if (version < 0)
        {
            throw ProjectErrors.InvalidRequest("version", "A version is 1 or more (0 means latest).");
        }
        var latest = await store.GetLatestAsync(projectId, ownerId, includeState: version == 0, cancellationToken).ConfigureAwait(false)
            ?? throw ProjectErrors.NotFound(projectId);
        if (version > latest.Version)
        {
            throw ProjectErrors.VersionNotFound(projectId, latest.Version, version);
        }
        return version == 0 ? latest : await store.GetAtVersionAsync(latest, version, includeState: true, cancellationToken).ConfigureAwait(false);
    }
}
