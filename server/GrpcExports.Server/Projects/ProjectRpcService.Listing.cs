using System.Globalization;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Projects.Listing;
using GrpcExports.Server.Projects.Paging;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Projects;

internal sealed partial class ProjectRpcService
{
    private const int DefaultProjectPageSize = 20, MaxProjectPageSize = 100;

    /// <summary>The caller's live projects from the projection, most recently edited first, a keyset page at a time.</summary>
    public async Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize, DefaultProjectPageSize, MaxProjectPageSize);
        if (request.TitleContains.Length > ProjectRequests.MaxTitleLength)
        {
            throw ProjectErrors.InvalidRequest("title_contains", $"At most {ProjectRequests.MaxTitleLength} characters.");
        }
        if (request.TitleContains.Any(char.IsControl))
        {
            throw ProjectErrors.InvalidRequest("title_contains", "Titles hold no control characters, so a filter with one finds nothing.");
        }
        if (!ProjectRequests.IsFolderId(request.FolderId))
        {
            throw ProjectErrors.InvalidRequest("folder_id", ProjectRequests.FolderIdRule);
        }
        var filter = new ProjectListFilter(context.Caller().UserId, request.FolderId, request.TitleContains,
            RequestTimestamps.Read(request.UpdateTimeAfter, "update_time_after"), RequestTimestamps.Read(request.UpdateTimeBefore, "update_time_before"));
        var fingerprint = PageToken.Fingerprint(nameof(ListProjects), filter.OwnerId, filter.FolderId, filter.TitleContains,
            Ticks(filter.UpdatedAtOrAfter), Ticks(filter.UpdatedBefore));
        ProjectListCursor? after = null;
        if (request.PageToken.Length > 0)
        {
            var cursor = PageToken.Read(request.PageToken, fingerprint, cursorLength: 2);
            after = new ProjectListCursor(new DateTimeOffset(long.Parse(cursor[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.Parse(cursor[1]));
        }
        var (rows, next) = await listing.ReadPageAsync(filter, after, pageSize, includeState: request.View == ProjectView.Full,
            context.CancellationToken).ConfigureAwait(false);
        var response = new ListProjectsResponse
        {
            NextPageToken = next is null ? "" : PageToken.Issue(fingerprint, [Ticks(next.UpdatedAt), next.ProjectId.ToString()]),
        };
        response.Projects.AddRange(rows.Select(ProjectMessages.ToProject));
        return response;
    }

    private static string Ticks(DateTimeOffset? time) =>
        time is { } value ? value.UtcTicks.ToString(CultureInfo.InvariantCulture) : "";
}
