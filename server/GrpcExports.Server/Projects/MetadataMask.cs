using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Projects.Storage;

namespace GrpcExports.Server.Projects;

/// <summary>
/// UpdateProject's field mask (AIP-134): paths "title", "description", "folder_id", or "*" for all three; an unset or
/// empty mask means every one of them that is non-empty in the request. Any other path is INVALID_UPDATE_MASK.
/// </summary>
internal static class MetadataMask
{
    private const string Title = "title", Description = "description", Folder = "folder_id";
    private static readonly string[] Allowed = [Title, Description, Folder];

    /// <summary>The checked new values of the fields the mask names.</summary>
    public static MetadataUpdate Resolve(FieldMask? mask, Project project)
    {
        var paths = mask?.Paths.ToList() ?? [];
        var unknown = paths.Where(path => path != "*" && !Allowed.Contains(path)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw ProjectErrors.InvalidUpdateMask(unknown, "title, description, folder_id or *");
        }
        var named = paths.Contains("*") ? Allowed
            : paths.Count > 0 ? paths.Distinct(StringComparer.Ordinal).ToArray()
            : Allowed.Where(path => Value(project, path).Length > 0).ToArray();
        if (named.Contains(Title) && project.Title.Trim().Length == 0)
        {
            throw ProjectErrors.InvalidRequest("project.title", "A project's title must not be empty.");
        }
        ProjectRequests.Metadata(named.Contains(Title) ? project.Title : "", named.Contains(Description) ? project.Description : "",
            named.Contains(Folder) ? project.FolderId : "", "project.");
        return new MetadataUpdate(
            named.Contains(Title) ? project.Title : null,
            named.Contains(Description) ? project.Description : null,
            named.Contains(Folder) ? project.FolderId : null);
    }

    private static string Value(Project project, string path) => path switch
    {
        Title => project.Title,
        Description => project.Description,
        _ => project.FolderId,
    };
}
