using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Exports.Jobs;

/// <summary>An accepted CreateExport request, checked, as it goes into export_jobs.</summary>
/// <param name="EditorStateJson">The stateless form's document; null for the project form.</param>
internal sealed record NewExportJob(
    string OwnerId,
    string Name,
    Guid? ProjectId,
    long ProjectVersion,
    string FolderId,
    string? EditorStateJson,
    ExportOptions Options,
    string ClientTaskId,
    string WebhookUrl,
    double DurationSeconds,
    IReadOnlyList<string> SkippedItemIds);
