using System.Globalization;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Paging;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Exports;

internal sealed partial class ExportRpcService
{
    private const int DefaultExportPageSize = 20, MaxExportPageSize = 100;

    /// <summary>The caller's exports, newest first, a keyset page at a time, with the request's filters.</summary>
    public async Task<ListExportsResponse> ListExports(ListExportsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize, DefaultExportPageSize, MaxExportPageSize);
        var projectId = request.ProjectId.Length == 0 ? (Guid?)null : ProjectRequests.ProjectId(request.ProjectId);
        if (!ProjectRequests.IsFolderId(request.FolderId))
        {
            throw ProjectErrors.InvalidRequest("folder_id", ProjectRequests.FolderIdRule);
        }
        if (request.ClientTaskId.Any(char.IsControl))
        {
            throw ProjectErrors.InvalidRequest("client_task_id", "Client task ids hold no control characters, so a filter with one finds nothing.");
        }
        if (request.Statuses.Any(status => status != ExportStatus.Unspecified && !Enum.IsDefined(status)))
        {
            throw ProjectErrors.InvalidRequest("statuses", "Only the ExportStatus values QUEUED, RENDERING, SUCCEEDED, FAILED and CANCELLED can be filtered on.");
        }
        var statuses = request.Statuses.Where(status => status != ExportStatus.Unspecified).Select(ExportStatuses.ToColumn)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var filter = new ExportListFilter(context.Caller().UserId, projectId, request.FolderId, statuses,
            RequestTimestamps.Read(request.CreateTimeAfter, "create_time_after"), RequestTimestamps.Read(request.CreateTimeBefore, "create_time_before"), request.ClientTaskId);
        var fingerprint = PageToken.Fingerprint(nameof(ListExports), filter.OwnerId, projectId?.ToString() ?? "", filter.FolderId,
            string.Join(",", statuses), Ticks(filter.CreatedAtOrAfter), Ticks(filter.CreatedBefore), filter.ClientTaskId);
        ExportListCursor? after = null;
        if (request.PageToken.Length > 0)
        {
            var cursor = PageToken.Read(request.PageToken, fingerprint, cursorLength: 2);
            after = new ExportListCursor(new DateTimeOffset(long.Parse(cursor[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.Parse(cursor[1]));
        }
        var (page, next) = await listing.ReadPageAsync(filter, after, pageSize, context.CancellationToken);
        var response = new ListExportsResponse
        {
            NextPageToken = next is null ? "" : PageToken.Issue(fingerprint, [Ticks(next.CreatedAt), next.ExportId.ToString()]),
        };
        foreach (var job in page)
        {
            response.Exports.Add(await links.WithDownloadUrlAsync(ExportMessages.ToExport(job), context.CancellationToken));
        }
        return response;
    }

    private static string Ticks(DateTimeOffset? time) =>
        time is { } value ? value.UtcTicks.ToString(CultureInfo.InvariantCulture) : "";
}
