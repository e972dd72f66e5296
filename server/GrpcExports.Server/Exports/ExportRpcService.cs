using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Assets.InUse;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Exports.Deletion;
using GrpcExports.Server.Exports.Download;
using GrpcExports.Server.Exports.History;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Exports.Requests;
using GrpcExports.Server.Exports.Watching;
using GrpcExports.Server.Exports.Webhooks.Addresses;
using GrpcExports.Server.Exports.Webhooks.Outbox;
using GrpcExports.Server.Exports.Workers;
using GrpcExports.Server.Limits.EditorState;
using GrpcExports.Server.Limits.Storage;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.AssetCheck;
using GrpcExports.Server.Projects.Idempotency;
using GrpcExports.Server.Projects.Storage;
using Microsoft.Extensions.Options;
using GrpcExports.Server.Security.Audit;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Exports;

/// <summary>
/// grpcexports.v1.ExportService: export jobs in PostgreSQL (Jobs/), rendered by the workers (Workers/), followed live
/// (Watching/), announced by webhooks (Webhooks/); the listing, the download, deletion and the webhook delivery log in the
/// ExportRpcService.*.cs files beside it. Every succeeded export leaves with a freshly signed HTTP download URL (Download/).
/// CreateExport runs through <see cref="IdempotentWrites"/> (the `idempotency-key` header). Every export belongs to the
/// calling user (<see cref="CallerContext.Caller"/>).
/// </summary>
internal sealed partial class ExportRpcService(ExportJobStore jobs, ExportListQuery listing, ProjectStore projects, IdempotentWrites writes, ExportChangeHub hub,
    RunningRenders renders, ExportHistory history, DownloadLinks links, ExportDirectories directories, ProjectAssetCheck assetCheck,
    IOptions<ExportsOptions> options, IHostApplicationLifetime lifetime, WebhookUrlCheck webhookUrls, WebhookDeliveryLog deliveryLog,
    ExportDeletion deletion, EditorStateLimits editorStateLimits, StorageQuota storageQuota) : IGrpcService
{
    private const string DefaultName = "Export";

    /// <summary>How often a watcher re-reads the export in case an announcement was missed (a listener reconnecting).</summary>
    private static readonly TimeSpan WatchRereadInterval = TimeSpan.FromSeconds(5);

    public static ServiceDescriptor Descriptor => ExportServiceReflection.Descriptor.Services[0];

    /// <summary>Checks the request and the document, then queues the export under the user's active-export limit and storage quota.</summary>
    public async Task<CreateExportResponse> CreateExport(CreateExportRequest request, ServerCallContext context)
    {
        var violations = CreateExportFields.Violations(request);
        var exportOptions = RenderOptionsMapping.WithDefaults(request.Options);
        violations.AddRange(RenderOptionsMapping.ToRenderOptions(exportOptions, directories.Media).Violations);
        if (violations.Count > 0)
        {
            throw ProjectErrors.InvalidRequest(violations);
        }
        await webhookUrls.CheckAsync(request.WebhookUrl, context.CancellationToken);
        var (json, field, projectRow, version) = await DocumentAsync(request, context.Caller().UserId, context.CancellationToken);
        // Media-directory files are only looked for here, not probed: an export should not wait for reading them twice.
        var assets = await assetCheck.CheckAsync(json, context.Caller().UserId, probeMediaFiles: false, context.CancellationToken);
        var (durationSeconds, skipped) = RenderableDocument.Check(json, field, exportOptions.SkipUnsupportedItems, assets);
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
            // The output's size is known only once rendered: an export needs some room left, and its file counts when it is done.
            await storageQuota.EnsureRoomAsync(context.Caller().UserId, 0, context.CancellationToken);
            var (created, deduplicated) = await jobs.CreateAsync(transaction, job, options.Value.MaxActivePerUser, context.CancellationToken);
            await ExportAssetReferences.AddAsync(transaction, created.ExportId, UploadedAssetIds(assets), context.CancellationToken);
            if (!deduplicated)
            {
                await history.RequestedAsync(transaction, created, ProjectRpcService.Metadata(context), context.CancellationToken);
            }
            var export = await links.WithDownloadUrlAsync(ExportMessages.ToExport(created), context.CancellationToken);
            return new CreateExportResponse { Export = export, Deduplicated = deduplicated };
        }, context.CancellationToken);
    }

    public async Task<GetExportResponse> GetExport(GetExportRequest request, ServerCallContext context)
    {
        var exportId = ExportIds.Parse(request.ExportId);
        var job = await jobs.GetAsync(exportId, context.Caller().UserId, context.CancellationToken) ?? throw ExportErrors.NotFound(exportId);
        return new GetExportResponse { Export = await links.WithDownloadUrlAsync(ExportMessages.ToExport(job), context.CancellationToken) };
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
        await responses.WriteAsync(new WatchExportResponse { Export = await links.WithDownloadUrlAsync(sent, cancellationToken) });
        while (!ExportStatuses.IsTerminal(sent.Status))
        {
            var next = await NextChangeAsync(subscription, exportId, context.Caller().UserId, cancellationToken);
            if (WatchOrder.Follows(next, sent))
            {
                sent = next;
                await responses.WriteAsync(new WatchExportResponse { Export = await links.WithDownloadUrlAsync(sent, cancellationToken) });
            }
        }
    }

    /// <summary>Queued or rendering → cancelled (the render stops and leaves no file); cancelled stays as it is; finished is refused.</summary>
    public async Task<CancelExportResponse> CancelExport(CancelExportRequest request, ServerCallContext context)
    {
        var exportId = ExportIds.Parse(request.ExportId);
        context.NameAuditedResource("export", exportId);
        var (job, cancelled) = await jobs.CancelAsync(exportId, context.Caller().UserId, ProjectRpcService.Metadata(context), context.CancellationToken)
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

    /// <summary>The uploaded assets the export will read, which DeleteAsset must leave alone while it is active.</summary>
    private static IEnumerable<Guid> UploadedAssetIds(CheckProjectAssetsResponse assets) => assets.Assets
        .Where(asset => asset.Status != AssetReferenceStatus.Missing && Guid.TryParseExact(asset.Reference, "D", out _))
        .Select(asset => Guid.ParseExact(asset.Reference, "D"));

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
                return (ProjectRequests.EditorState(request.EditorState, "editor_state", editorStateLimits), "editor_state", null, 0);
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
