using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Exports.Requests;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Security.Audit;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Exports;

internal sealed partial class ExportRpcService
{
    /// <summary>A finished export and its file go; it then answers NOT_FOUND. A queued or rendering one must be cancelled first.</summary>
    public async Task<DeleteExportResponse> DeleteExport(DeleteExportRequest request, ServerCallContext context)
    {
        var exportId = ExportIds.Parse(request.ExportId);
        context.NameAuditedResource("export", exportId);
        var (status, freed) = await deletion.DeleteAsync(exportId, context.Caller().UserId, context.CancellationToken) ?? throw ExportErrors.NotFound(exportId);
        if (!ExportStatuses.IsTerminal(status))
        {
            throw ExportErrors.StillActive(exportId, status);
        }
        return new DeleteExportResponse { ExportId = exportId.ToString(), FreedBytes = freed };
    }
}
