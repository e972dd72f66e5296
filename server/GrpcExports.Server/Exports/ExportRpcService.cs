using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Hosting;

namespace GrpcExports.Server.Exports;

/// <summary>
/// grpcexports.v1.ExportService: exports: durable render jobs, progress, downloads and webhooks. RPCs whose issue has not landed yet answer UNIMPLEMENTED.
/// </summary>
internal sealed class ExportRpcService : IGrpcService
{
    public static ServiceDescriptor Descriptor => ExportServiceReflection.Descriptor.Services[0];

    public Task<CreateExportResponse> CreateExport(CreateExportRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ExportService.CreateExport", issue: 6);

    public Task<GetExportResponse> GetExport(GetExportRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ExportService.GetExport", issue: 6);

    public Task<ListExportsResponse> ListExports(ListExportsRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ExportService.ListExports", issue: 6);

    public Task WatchExport(WatchExportRequest request, IServerStreamWriter<WatchExportResponse> responses, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ExportService.WatchExport", issue: 6);

    public Task<CancelExportResponse> CancelExport(CancelExportRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ExportService.CancelExport", issue: 6);

    public Task<DeleteExportResponse> DeleteExport(DeleteExportRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ExportService.DeleteExport", issue: 6);

    public Task DownloadExport(DownloadExportRequest request, IServerStreamWriter<DownloadExportResponse> responses, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ExportService.DownloadExport", issue: 6);

    public Task<ListWebhookDeliveriesResponse> ListWebhookDeliveries(ListWebhookDeliveriesRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ExportService.ListWebhookDeliveries", issue: 6);
}
