using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.Jobs;

namespace GrpcExports.Server.Exports.Watching;

/// <summary>A payload of the export_changes channel: "&lt;export id&gt; &lt;status&gt;" (the trigger in 0004_export_jobs.sql).</summary>
internal sealed record ExportNotification(Guid ExportId, ExportStatus Status)
{
    public const string Channel = "export_changes";

    public static ExportNotification? Parse(string payload)
    {
        var parts = payload.Split(' ');
        return parts.Length == 2 && Guid.TryParse(parts[0], out var exportId)
            ? new ExportNotification(exportId, ExportStatuses.FromColumn(parts[1]))
            : null;
    }
}
