using Google.Protobuf.Reflection;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Client;

/// <summary>
/// The methods of grpcexports.v1.ExportService, derived from the generated descriptor and checked
/// against it (kind, message types) when first used.
/// </summary>
public static class ExportServiceMethods
{
    private static readonly ServiceDescriptor Service =
        ExportServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ExportService");

    /// <summary>ExportService.CreateExport (Unary).</summary>
    public static readonly GrpcMethod<CreateExportRequest, CreateExportResponse> CreateExport =
        GrpcMethod<CreateExportRequest, CreateExportResponse>.FromDescriptor(Service, "CreateExport", MethodKind.Unary);

    /// <summary>ExportService.GetExport (Unary, idempotent).</summary>
    public static readonly GrpcMethod<GetExportRequest, GetExportResponse> GetExport =
        GrpcMethod<GetExportRequest, GetExportResponse>.FromDescriptor(
            Service, "GetExport", MethodKind.Unary, isIdempotent: true);

    /// <summary>ExportService.ListExports (Unary, idempotent).</summary>
    public static readonly GrpcMethod<ListExportsRequest, ListExportsResponse> ListExports =
        GrpcMethod<ListExportsRequest, ListExportsResponse>.FromDescriptor(
            Service, "ListExports", MethodKind.Unary, isIdempotent: true);

    /// <summary>ExportService.WatchExport (ServerStreaming, idempotent).</summary>
    public static readonly GrpcMethod<WatchExportRequest, WatchExportResponse> WatchExport =
        GrpcMethod<WatchExportRequest, WatchExportResponse>.FromDescriptor(
            Service, "WatchExport", MethodKind.ServerStreaming, isIdempotent: true);

    /// <summary>ExportService.CancelExport (Unary, idempotent).</summary>
    public static readonly GrpcMethod<CancelExportRequest, CancelExportResponse> CancelExport =
        GrpcMethod<CancelExportRequest, CancelExportResponse>.FromDescriptor(
            Service, "CancelExport", MethodKind.Unary, isIdempotent: true);

    /// <summary>ExportService.DeleteExport (Unary).</summary>
    public static readonly GrpcMethod<DeleteExportRequest, DeleteExportResponse> DeleteExport =
        GrpcMethod<DeleteExportRequest, DeleteExportResponse>.FromDescriptor(Service, "DeleteExport", MethodKind.Unary);

    /// <summary>ExportService.DownloadExport (ServerStreaming, idempotent).</summary>
    public static readonly GrpcMethod<DownloadExportRequest, DownloadExportResponse> DownloadExport =
        GrpcMethod<DownloadExportRequest, DownloadExportResponse>.FromDescriptor(
            Service, "DownloadExport", MethodKind.ServerStreaming, isIdempotent: true);

    /// <summary>ExportService.ListWebhookDeliveries (Unary, idempotent).</summary>
    public static readonly GrpcMethod<ListWebhookDeliveriesRequest, ListWebhookDeliveriesResponse> ListWebhookDeliveries =
        GrpcMethod<ListWebhookDeliveriesRequest, ListWebhookDeliveriesResponse>.FromDescriptor(
            Service, "ListWebhookDeliveries", MethodKind.Unary, isIdempotent: true);
}
