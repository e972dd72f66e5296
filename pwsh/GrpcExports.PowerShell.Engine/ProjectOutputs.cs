using Google.Protobuf.WellKnownTypes;
using GrpcExports.PowerShell.Output;
using GrpcExports.Protocol.V1;

namespace GrpcExports.PowerShell.Engine;

/// <summary>ProjectService's messages as the module's output objects.</summary>
internal static class ProjectOutputs
{
    public static GxProject Project(Project project) => new(
        project.Id, project.Title, project.Description, project.FolderId, project.Version, project.StateVersion,
        Time(project.CreateTime), Time(project.UpdateTime), Time(project.StateUpdateTime), project.EditorStateSizeBytes,
        project.ClonedFrom?.ProjectId, project.ClonedFrom?.Version ?? 0, EditorStateMessages.ToJson(project.EditorState));

    public static GxProjectSyncResult SyncResult(SyncProjectResponse response) => new(
        response.ProjectId, response.Version, response.StateVersion, Time(response.UpdateTime), response.Unchanged, response.StoredBytes);

    public static GxProjectEvent Event(string projectId, ProjectEvent projectEvent) => new(
        projectId, projectEvent.Version, projectEvent.Type.ToString(), Time(projectEvent.CreateTime),
        ActorName(projectEvent.Actor), projectEvent.Summary, projectEvent.SizeBytes, projectEvent.StateChanged,
        string.IsNullOrEmpty(projectEvent.ExportId) ? null : projectEvent.ExportId, projectEvent.RestoredVersion);

    public static GxProjectDiff Diff(string projectId, DiffProjectVersionsResponse response) => new(
        projectId, response.FromVersion, response.ToVersion, response.Summary,
        response.EditorStatePatch.Select(operation => new GxJsonPatchOperation(
            operation.Op.ToString().ToLowerInvariant(),
            operation.Path,
            string.IsNullOrEmpty(operation.From) ? null : operation.From,
            operation.Value is null ? null : Google.Protobuf.JsonFormatter.Default.Format(operation.Value))).ToArray(),
        response.MetadataChanges.Select(change => new GxMetadataChange(change.Field, change.OldValue, change.NewValue)).ToArray());

    public static GxValidationResult Validation(ValidateEditorStateResponse response) => new(
        response.Valid,
        response.Violations.Select(violation => new GxEditorStateViolation(
            violation.Path,
            violation.Kind.ToString(),
            violation.Severity.ToString(),
            violation.Message)).ToArray(),
        response.Truncated);

    public static DateTime? Time(Timestamp? timestamp) => timestamp?.ToDateTime();

    private static string ActorName(Actor? actor) => actor switch
    {
        null => "",
        { ApiKeyName.Length: > 0 } => actor.ApiKeyName,
        { ApiKeyId.Length: > 0 } => actor.ApiKeyId,
        _ => actor.UserId,
    };
}
