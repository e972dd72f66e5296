using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.EditorState;
using GrpcExports.Server.EditorState.Validation;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Events;
using GrpcExports.Server.Limits.EditorState;
using GrpcExports.Server.ProjectFiles;
using GrpcExports.Server.Projects.AssetCheck;
using GrpcExports.Server.Projects.History;
using GrpcExports.Server.Projects.Idempotency;
using GrpcExports.Server.Projects.Listing;
using GrpcExports.Server.Projects.Storage;
using GrpcExports.Server.Projects.SyncRateLimiting;
using GrpcExports.Server.Security.Authentication;
using GrpcExports.Server.Thumbnails;

namespace GrpcExports.Server.Projects;

/// <summary>
/// grpcexports.v1.ProjectService: projects on the event store (Storage/ProjectStore.cs). Reads and autosave here;
/// listing, history, the other writes, project files and thumbnails in the ProjectRpcService.*.cs files beside it. Writes run through
/// <see cref="IdempotentWrites"/> (the `idempotency-key` header). Every project belongs to the calling user
/// (<see cref="CallerContext.Caller"/>).
/// </summary>
internal sealed partial class ProjectRpcService(ProjectStore store, ProjectListQuery listing, ProjectHistoryQuery history, IdempotentWrites writes,
    SyncRateLimiter syncRate, ProjectAssetCheck assetCheck, ProjectFileExports fileExports, ProjectFileImports fileImports,
    ProjectFileValidation fileValidation, ProjectThumbnails thumbnails, EditorStateLimits editorStateLimits) : IGrpcService
{
    private static readonly string BlankEditorStateJson = EditorStateJson.Write(EditorStateJson.Read(ProjectRequests.BlankEditorState));

    public static ServiceDescriptor Descriptor => ProjectServiceReflection.Descriptor.Services[0];

    /// <summary>A new project at version 1 with the document sent (or a blank one), owned by the caller.</summary>
    public async Task<CreateProjectResponse> CreateProject(CreateProjectRequest request, ServerCallContext context)
    {
        var project = request.Project ?? new Project();
        var (title, description, folderId) = ProjectRequests.Metadata(project.Title, project.Description, project.FolderId, "project.");
        var stateJson = project.EditorState is null
            ? BlankEditorStateJson
            : ProjectRequests.EditorState(project.EditorState, "project.editor_state", editorStateLimits);
        return await writes.RunAsync(context.Caller().UserId, IdempotencyKey.From(context), nameof(CreateProject), request, async transaction =>
        {
            var row = await store.CreateAsync(transaction, context.Caller().UserId, title, description, folderId, stateJson, clonedFrom: null,
                Metadata(context), context.CancellationToken).ConfigureAwait(false);
            return new CreateProjectResponse { Project = ProjectMessages.ToProject(row) };
        }, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest project from the projection alone, or a past version rebuilt from a snapshot and patches.</summary>
    public async Task<GetProjectResponse> GetProject(GetProjectRequest request, ServerCallContext context)
    {
        var projectId = ProjectRequests.ProjectId(request.ProjectId);
        if (request.Version < 0)
        {
            throw ProjectErrors.InvalidRequest("version", "A version is 1 or more (0 means latest).");
        }
        if (request.Version != 0 && request.AsOfTime is not null)
        {
            throw ProjectErrors.InvalidRequest("as_of_time", "Set either version or as_of_time, not both.");
        }
        var includeState = request.View != ProjectView.Basic;
        var pastRead = request.Version != 0 || request.AsOfTime is not null;
        var latest = await store.GetLatestAsync(projectId, context.Caller().UserId, includeState && !pastRead, context.CancellationToken).ConfigureAwait(false)
            ?? throw ProjectErrors.NotFound(projectId);
        if (!pastRead)
        {
            return new GetProjectResponse { Project = ProjectMessages.ToProject(latest) };
        }
        var version = request.Version;
        if (request.AsOfTime is not null)
        {
            var time = RequestTimestamps.Read(request.AsOfTime, "as_of_time")!.Value;
            version = await store.VersionAtAsync(projectId, time, context.CancellationToken).ConfigureAwait(false);
            if (version == 0)
            {
                throw ProjectErrors.VersionNotFound(projectId, latest.Version, asOfTime: time);
            }
        }
        if (version > latest.Version)
        {
            throw ProjectErrors.VersionNotFound(projectId, latest.Version, version: version);
        }
        var past = await store.GetAtVersionAsync(latest, version, includeState, context.CancellationToken).ConfigureAwait(false);
        return new GetProjectResponse { Project = ProjectMessages.ToProject(past) };
    }



    /// <summary>Autosave: replaces the editor state, stored as a patch against the previous one (or a periodic snapshot).</summary>
    public async Task<SyncProjectResponse> SyncProject(SyncProjectRequest request, ServerCallContext context)
    {
        var projectId = ProjectRequests.ProjectId(request.ProjectId);
        // A retry replayed from its idempotency key must not use up the project's budget: a keyed call takes its token
        // only once the key turned out to be new, inside the write; any other call takes it before doing any work.
        var idempotencyKey = IdempotencyKey.From(context);
        if (idempotencyKey is null)
        {
            syncRate.Acquire(projectId);
        }
        if (request.EditorState is null)
        {
            throw ProductErrors.MissingField("editor_state", "The new editor state is required.");
        }
        if (request.ExpectedStateVersion < 0)
        {
            throw ProjectErrors.InvalidRequest("expected_state_version", "A state version is 1 or more (0 means no check).");
        }
        var stateJson = ProjectRequests.EditorState(request.EditorState, "editor_state", editorStateLimits);
        return await writes.RunAsync(context.Caller().UserId, idempotencyKey, nameof(SyncProject), request, async transaction =>
        {
            if (idempotencyKey is not null)
            {
                syncRate.Acquire(projectId);
            }
            var outcome = await store.SyncAsync(transaction, projectId, context.Caller().UserId, request.ExpectedStateVersion, stateJson,
                Metadata(context), context.CancellationToken).ConfigureAwait(false) ?? throw ProjectErrors.NotFound(projectId);
            return new SyncProjectResponse
            {
                ProjectId = projectId.ToString(),
                Version = outcome.Version,
                StateVersion = outcome.StateVersion,
                UpdateTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(outcome.StateUpdatedAt),
                Unchanged = outcome.Unchanged,
                StoredBytes = outcome.StoredBytes,
            };
        }, context.CancellationToken).ConfigureAwait(false);
    }






    /// <summary>
    /// Dry run of the checks CreateProject and SyncProject make: every violation (up to <see cref="MaxReportedViolations"/>),
    /// and the document as the server decodes and would store it whenever it can be stored at all.
    /// </summary>
    public Task<ValidateEditorStateResponse> ValidateEditorState(ValidateEditorStateRequest request, ServerCallContext context)
    {
        if (request.EditorState is null)
        {
            throw ProductErrors.MissingField("editor_state", "An editor state document is required.");
        }
        var report = EditorStateValidator.Validate(request.EditorState);
        var response = new ValidateEditorStateResponse
        {
            Valid = report.Valid,
            Truncated = report.Violations.Count > MaxReportedViolations,
            Violations = { report.Violations.Take(MaxReportedViolations) },
        };
        if (report.Storable)
        {
            response.EditorState = EditorStateJson.Read(EditorStateJson.Write(request.EditorState));
        }
        return Task.FromResult(response);
    }

    /// <summary>ValidateEditorState lists at least this many violations before it sets <c>truncated</c>.</summary>
    private const int MaxReportedViolations = 1000;

    /// <summary>Who made a change through this call and with what client, for the events it appends (exports' too).</summary>
    internal static EventMetadata Metadata(ServerCallContext context) => new(
        context.Caller().EventActor,
        ClientInfo: context.RequestHeaders.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
        IdempotencyKey: IdempotencyKey.From(context));
}
