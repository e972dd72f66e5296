namespace GrpcExports.Server.Projects;

/// <summary>
/// The owner every project belongs to until API keys and users arrive (issue 9): the one place that decides it, so
/// that change replaces this constant with the caller's user id.
/// </summary>
internal static class LocalOwner
{
    public const string UserId = "local";
}
