using Google.Protobuf.WellKnownTypes;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Projects.Idempotency;
using GrpcExports.Server.Projects.Storage;
using GrpcExports.Server.Security.Audit;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Projects;

internal sealed partial class ProjectRpcService
{
    /// <summary>Title, description and folder under a field mask; the editor state and its version are never touched.</summary>
    public async Task<UpdateProjectResponse> UpdateProject(UpdateProjectRequest request, ServerCallContext context)
    {
        var project = request.Project ?? throw ProductErrors.MissingField("project", "The project with its id and new values is required.");
        var projectId = ProjectRequests.ProjectId(project.Id, "project.id");
        var update = MetadataMask.Resolve(request.UpdateMask, project);
        return await writes.RunAsync(context.Caller().UserId, IdempotencyKey.From(context), nameof(UpdateProject), request, async transaction =>
        {
            var row = await store.UpdateMetadataAsync(transaction, projectId, context.Caller().UserId, update, Metadata(context),
                context.CancellationToken).ConfigureAwait(false) ?? throw ProjectErrors.NotFound(projectId);
            return new UpdateProjectResponse { Project = ProjectMessages.ToProject(row with { EditorStateJson = null }) };
        }, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Soft delete: a ProjectDeleted event and the projection's flag; the project's events and exports stay.</summary>
    public async Task<DeleteProjectResponse> DeleteProject(DeleteProjectRequest request, ServerCallContext context)
    {
        var projectId = ProjectRequests.ProjectId(request.ProjectId);
        context.NameAuditedResource("project", projectId);
        return await writes.RunAsync(context.Caller().UserId, IdempotencyKey.From(context), nameof(DeleteProject), request, async transaction =>
        {
            var deletedAt = await store.DeleteAsync(transaction, projectId, context.Caller().UserId, Metadata(context), context.CancellationToken)
                .ConfigureAwait(false) ?? throw ProjectErrors.NotFound(projectId);
            return new DeleteProjectResponse { ProjectId = projectId.ToString(), DeleteTime = Timestamp.FromDateTimeOffset(deletedAt) };
        }, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new project at version 1 with the editor state of a version of the source, recording where it came from.</summary>
    public async Task<CloneProjectResponse> CloneProject(CloneProjectRequest request, ServerCallContext context)
    {
        var sourceId = ProjectRequests.ProjectId(request.ProjectId);
        if (request.Version < 0)
        {
            throw ProjectErrors.InvalidRequest("version", "A version is 1 or more (0 means latest).");
        }
        var (title, description, folderId) = ProjectRequests.Metadata(request.Title, request.Description, request.FolderId, prefix: "");
        var latest = await store.GetLatestAsync(sourceId, context.Caller().UserId, includeState: request.Version == 0, context.CancellationToken)
            .ConfigureAwait(false) ?? throw ProjectErrors.NotFound(sourceId);
        if (request.Version > latest.Version)
        {
            throw ProjectErrors.VersionNotFound(sourceId, latest.Version, request.Version);
        }
        var source = request.Version == 0
            ? latest
            : await store.GetAtVersionAsync(latest, request.Version, includeState: true, context.CancellationToken).ConfigureAwait(false);
        var cloneTitle = request.Title.Trim().Length == 0 ? CopyTitle(source.Title) : title;
        return await writes.RunAsync(context.Caller().UserId, IdempotencyKey.From(context), nameof(CloneProject), request, async transaction =>
        {
            var row = await store.CreateAsync(transaction, context.Caller().UserId, cloneTitle,
                request.Description.Length == 0 ? source.Description : description,
                request.FolderId.Length == 0 ? source.FolderId : folderId,
                source.EditorStateJson!, new ProjectVersionPointer(sourceId, source.Version), Metadata(context), context.CancellationToken)
                .ConfigureAwait(false);
            return new CloneProjectResponse { Project = ProjectMessages.ToProject(row) };
        }, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new REVERTED event restoring the editor state of an earlier version; nothing is appended when it is current already.</summary>
    public async Task<RevertProjectResponse> RevertProject(RevertProjectRequest request, ServerCallContext context)
    {
        var projectId = ProjectRequests.ProjectId(request.ProjectId);
        context.NameAuditedResource("project", projectId);
        if (request.Version < 1)
        {
            throw ProjectErrors.InvalidRequest("version", "The version to restore is required (1 or more).");
        }
        if (request.ExpectedStateVersion < 0)
        {
            throw ProjectErrors.InvalidRequest("expected_state_version", "A state version is 1 or more (0 means no check).");
        }
        return await writes.RunAsync(context.Caller().UserId, IdempotencyKey.From(context), nameof(RevertProject), request, async transaction =>
        {
            var outcome = await store.RevertAsync(transaction, projectId, context.Caller().UserId, request.Version, request.ExpectedStateVersion,
                Metadata(context), context.CancellationToken).ConfigureAwait(false) ?? throw ProjectErrors.NotFound(projectId);
            return new RevertProjectResponse { Project = ProjectMessages.ToProject(outcome.Project), Unchanged = outcome.Unchanged };
        }, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>"&lt;title&gt; (copy)", the title shortened so that the whole stays within the limit.</summary>
    private static string CopyTitle(string sourceTitle)
    {
        const string suffix = " (copy)";
        var room = ProjectRequests.MaxTitleLength - suffix.Length;
        return (sourceTitle.Length <= room ? sourceTitle : sourceTitle[..room]) + suffix;
    }
}
