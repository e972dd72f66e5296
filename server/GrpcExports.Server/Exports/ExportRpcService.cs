using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Rendering.Assets;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Exports.Requests;
using GrpcExports.Server.Exports.Watching;
using GrpcExports.Server.Exports.Workers;
using GrpcExports.Server.Hosting;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Idempotency;
using GrpcExports.Server.Projects.Storage;
using Microsoft.Extensions.Options;
using GrpcExports.Server.Security.Audit;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Exports;

/// <summary>
/// grpcexports.v1.ExportService: export jobs in PostgreSQL (Jobs/), rendered by the workers (Workers/), followed live
/// (Watching/); the listing and the download in the ExportRpcService.*.cs files beside it. CreateExport runs through <see cref="IdempotentWrites"/> (the `idempotency-key` header). Every export
/// belongs to the calling user (<see cref="CallerContext.Caller"/>). The RPCs still to come answer UNIMPLEMENTED.
/// </summary>
internal sealed partial class ExportRpcService(ExportJobStore jobs, ExportListQuery listing, ProjectStore projects, IdempotentWrites writes, ExportChangeHub hub,
    RunningRenders renders, ExportDirectories directories, IOptions<ExportsOptions> options, IHostApplicationLifetime lifetime) : IGrpcService
{
    private const string DefaultName = "Export";

    /// <summary>How often a watcher re-reads the export in case an announcement was missed (a listener reconnecting).</summary>
    private static readonly TimeSpan WatchRereadInterval = TimeSpan.FromSeconds(5);

    public static ServiceDescriptor Descriptor => ExportServiceReflection.Descriptor.Services[0];

    /// <summary>Checks the request and the document, then queues the export under the user's active-export limit.</summary>
    public async Task<CreateExportResponse> CreateExport(CreateExportRequest request, ServerCallContext context)
    {
        var violations = CreateExportFields.Violations(request);
        var exportOptions = RenderOptionsMapping.WithDefaults(request.Options);
        violations.AddRange(RenderOptionsMapping.ToRenderOptions(exportOptions, directories.Media).Violations);
        if (violations.Count > 0)
        {
            throw ProjectErrors.InvalidRequest(violations);
        }
        var (json, field, projectRow, version) = await DocumentAsync(request, context.Caller().UserId, context.CancellationToken);
        var (durationSeconds, skipped) = RenderableDocument.Check(json, field, exportOptions.SkipUnsupportedItems,
            new MediaDirectoryAssetResolver(directories.Media));
        var job = new NewExportJob(
            context.Caller().UserId,
            request.Name.Trim().Length > 0 ? request.Name : projectRow?.Title ?? DefaultName,
            projectRow?.ProjectId,
            version,
            projectRow?.FolderId ?? "",
            projectRow is null ? json : null,
            exportOptions,
            request.ClientTaskId,
            request.WebhookUrl,
            durationSeconds,
            skipped);
        return await writes.RunAsync(context.Caller().UserId, IdempotencyKey.From(context), nameof(CreateExport), request, async transaction =>
        {
            var (created, deduplicated) = await jobs.CreateAsync(transaction, job, options.Value.MaxActivePerUser, context.CancellationToken);
            return new CreateExportResponse { Export = ExportMessages.ToExport(created), Deduplicated = deduplicated };
        }, context.CancellationToken);
    }

    public async Task<GetExportResponse> GetExport(GetExportRequest request, ServerCallContext context)
    {
        var exportId = ExportIds.Parse(request.ExportId);
        var job = await jobs.GetAsync(exportId, context.Caller().UserId, context.CancellationToken) ?? throw ExportErrors.NotFound(exportId);
        return new GetExportResponse { Export = ExportMessages.ToExport(job) };
    }

    /// <summary>The current state, then every change, then the terminal state; the stream ends after it.</summary>
    public async Task WatchExport(WatchExportRequest request, IServerStreamWriter<WatchExportResponse> responses, ServerCallContext context)
    {
        var exportId = ExportIds.Parse(request.ExportId);
        var cancellationToken = context.CancellationToken;
        // Subscribed before the first read, so no change between the read and the subscription is missed.
        using var subscription = hub.Subscribe(exportId);
        var current = await jobs.GetAsync(exportId, context.Caller().UserId, cancellationToken) ?? throw ExportErrors.NotFound(exportId);
        var sent = ExportMessages.ToExport(current);
        await responses.WriteAsync(new WatchExportResponse { Export = sent });
        while (!ExportStatuses.IsTerminal(sent.Status))
        {
            var next = await NextChangeAsync(subscription, exportId, context.Caller().UserId, cancellationToken);
            if (WatchOrder.Follows(next, sent))
            {
                sent = next;
                await responses.WriteAsync(new WatchExportResponse { Export = sent });
            }
        }
    }

    /// <summary>Queued or rendering → cancelled (the render stops and leaves no file); cancelled stays as it is; finished is refused.</summary>
    public async Task<CancelExportResponse> CancelExport(CancelExportRequest request, ServerCallContext context)
    {
        var exportId = ExportIds.Parse(request.ExportId);
        context.NameAuditedResource("export", exportId);
        var (job, cancelled) = await jobs.CancelAsync(exportId, context.Caller().UserId, context.CancellationToken)
            ?? throw ExportErrors.NotFound(exportId);
        if (cancelled)
        {
            renders.Cancel(exportId);
        }
        else if (job.Status != ExportStatus.Cancelled)
        {
            throw ExportErrors.NotCancellable(exportId, job.Status);
        }
        return new CancelExportResponse { Export = ExportMessages.ToExport(job) };
    }

    public Task<DeleteExportResponse> DeleteExport(DeleteExportRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ExportService.DeleteExport", issue: 6);

    public Task<ListWebhookDeliveriesResponse> ListWebhookDeliveries(ListWebhookDeliveriesRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ExportService.ListWebhookDeliveries", issue: 6);

    /// <summary>
    /// The document to render with the request field that names it: the one sent, or the project's at the requested
    /// version (0: the latest, resolved now), with the project row for its title and folder.
    /// </summary>
    private async Task<(string Json, string Field, ProjectRow? Project, long Version)> DocumentAsync(CreateExportRequest request,
        string ownerId, CancellationToken cancellationToken)
    {
        switch (request.SourceCase)
        {
            case CreateExportRequest.SourceOneofCase.EditorState:
                return (ProjectRequests.EditorState(request.EditorState, "editor_state"), "editor_state", null, 0);
            case CreateExportRequest.SourceOneofCase.ProjectId:
                var projectId = ProjectRequests.ProjectId(request.ProjectId);
                var latest = await projects.GetLatestAsync(projectId, ownerId, includeState: request.ProjectVersion == 0, cancellationToken)
                    ?? throw ProjectErrors.NotFound(projectId);
                if (request.ProjectVersion == 0)
                {
                    return (latest.EditorStateJson!, "project_id", latest, latest.Version);
                }
                if (request.ProjectVersion > latest.Version)
                {
                    throw ProjectErrors.VersionNotFound(projectId, latest.Version, request.ProjectVersion);
                }
                var past = await projects.GetAtVersionAsync(latest, request.ProjectVersion, includeState: true, cancellationToken);
                return (past.EditorStateJson!, "project_version", latest, request.ProjectVersion);
            default:
                throw ProductErrors.MissingField("project_id", "Say what to export: a project_id, or an editor_state for a stateless export.");
        }
    }

    /// <summary>
    /// The next change the hub delivers, or the export re-read when none came for a while. When the server begins to
    /// shut down, the stream ends with UNAVAILABLE SERVER_SHUTTING_DOWN, so the client watches again elsewhere or later
    /// instead of holding the shutdown up.
    /// </summary>
    private async Task<Export> NextChangeAsync(ExportSubscription subscription, Guid exportId, string ownerId, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        wait.CancelAfter(WatchRereadInterval);
        try
        {
            return await subscription.Changes.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw ExportErrors.ServerShuttingDown();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var job = await jobs.GetAsync(exportId, ownerId, cancellationToken) ?? throw ExportErrors.NotFound(exportId);
            return ExportMessages.ToExport(job);
        }
    }
}
