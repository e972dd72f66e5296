using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Exports.Jobs;

/// <summary>The statuses as export_jobs.status spells them.</summary>
internal static class ExportStatuses
{
    public const string Queued = "queued";
    public const string Rendering = "rendering";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static string ToColumn(ExportStatus status) => status switch
    {
        ExportStatus.Queued => Queued,
        ExportStatus.Rendering => Rendering,
        ExportStatus.Succeeded => Succeeded,
        ExportStatus.Failed => Failed,
        ExportStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "An export row always has a status."),
    };

    public static ExportStatus FromColumn(string status) => status switch
    {
        Queued => ExportStatus.Queued,
        Rendering => ExportStatus.Rendering,
        Succeeded => ExportStatus.Succeeded,
        Failed => ExportStatus.Failed,
        Cancelled => ExportStatus.Cancelled,
        _ => throw new InvalidOperationException($"export_jobs.status '{status}' is not a known status."),
    };

    public static bool IsTerminal(ExportStatus status) =>
        status is ExportStatus.Succeeded or ExportStatus.Failed or ExportStatus.Cancelled;
}
