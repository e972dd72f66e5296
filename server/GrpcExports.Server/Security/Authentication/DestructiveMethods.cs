namespace GrpcExports.Server.Security.Authentication;

/// <summary>The calls the audit log records every time (AUDIT_EVENT_KIND_DESTRUCTIVE_CALL), whatever their outcome.</summary>
internal static class DestructiveMethods
{
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal)
    {
        "/grpcexports.v1.ProjectService/DeleteProject",
        "/grpcexports.v1.ProjectService/RevertProject",
        "/grpcexports.v1.ExportService/DeleteExport",
        "/grpcexports.v1.ExportService/CancelExport",
        "/grpcexports.v1.AssetService/DeleteAsset",
        "/grpcexports.v1.AccountService/RotateWebhookSecret",
    };

    public static bool Contains(string method) => Methods.Contains(method);
}
