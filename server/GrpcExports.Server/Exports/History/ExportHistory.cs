using GrpcExports.Protocol.Errors;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Events;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Projects.Storage;
using Npgsql;

namespace GrpcExports.Server.Exports.History;

/// <summary>
/// An export of a project in the project's history: its request and how it ended, as events on the project's stream,
/// appended in the transaction that creates or finishes the job, so the history and the job never disagree. Stateless
/// exports have no project and leave no events; neither does a project deleted in the meantime.
/// </summary>
internal sealed class ExportHistory(ProjectStore projects)
{
    public async Task RequestedAsync(NpgsqlTransaction transaction, ExportJob job, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (job.ProjectId is { } projectId)
        {
            var format = ExportMessages.Extension(job.Options.Format).TrimStart('.');
            await projects.RecordExportAsync(transaction, projectId, job.OwnerId, ProjectEventData.ExportRequested,
                ProjectEventData.ExportRequestedData(job.ExportId, job.Name, job.ProjectVersion, format), metadata, cancellationToken);
        }
    }

    /// <summary>The event of a job that has just reached its terminal status (succeeded, failed or cancelled).</summary>
    public async Task FinishedAsync(NpgsqlTransaction transaction, ExportJob job, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (job.ProjectId is not { } projectId)
        {
            return;
        }
        var (eventType, data) = job.Status switch
        {
            ExportStatus.Succeeded => (ProjectEventData.ExportSucceeded, ProjectEventData.ExportSucceededData(job.ExportId, job.Output!.SizeBytes)),
            ExportStatus.Failed => (ProjectEventData.ExportFailed,
                ProjectEventData.ExportFailedData(job.ExportId, ErrorReasons.ToWire(job.ErrorReason ?? ErrorReason.RenderFailed))),
            ExportStatus.Cancelled => (ProjectEventData.ExportCancelled, ProjectEventData.ExportCancelledData(job.ExportId)),
            _ => throw new ArgumentException($"Export {job.ExportId} is {job.Status}, not finished.", nameof(job)),
        };
        await projects.RecordExportAsync(transaction, projectId, job.OwnerId, eventType, data, metadata, cancellationToken);
    }
}
