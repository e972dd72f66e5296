using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.EditorState;
using GrpcExports.Server.Projects.Storage;

namespace GrpcExports.Server.Projects;

/// <summary>Stored projects as contract messages.</summary>
internal static class ProjectMessages
{
    /// <summary>The project; its editor state only when the row carries it (FULL view).</summary>
    public static Project ToProject(ProjectRow row) => new()
    {
        Id = row.ProjectId.ToString(),
        Title = row.Title,
        Description = row.Description,
        FolderId = row.FolderId,
        Version = row.Version,
        StateVersion = row.StateVersion,
        EditorState = row.EditorStateJson is null ? null : EditorStateJson.Read(row.EditorStateJson),
        OwnerId = row.OwnerId,
        CreateTime = Timestamp.FromDateTimeOffset(row.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(row.UpdatedAt),
        StateUpdateTime = Timestamp.FromDateTimeOffset(row.StateUpdatedAt),
        EditorStateSizeBytes = row.EditorStateSizeBytes,
        ClonedFrom = row.ClonedFrom is { } source
            ? new ProjectVersionRef { ProjectId = source.ProjectId.ToString(), Version = source.Version }
            : null,
    };
}
