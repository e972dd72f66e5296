using System.Globalization;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.EditorState.JsonPatch;
using GrpcExports.Server.Projects.History;
using GrpcExports.Server.Projects.Paging;
using GrpcExports.Server.Projects.Storage;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Projects;

internal sealed partial class ProjectRpcService
{
    private const int DefaultHistoryPageSize = 50, MaxHistoryPageSize = 500;

    /// <summary>The project's events with a one-line summary each, newest first unless oldest_first, a keyset page at a time.</summary>
    public async Task<ListProjectHistoryResponse> ListProjectHistory(ListProjectHistoryRequest request, ServerCallContext context)
    {
        var projectId = ProjectRequests.ProjectId(request.ProjectId);
        var pageSize = PageSize.Resolve(request.PageSize, DefaultHistoryPageSize, MaxHistoryPageSize);
        if (request.Types_.Contains(ProjectEventType.Unspecified))
        {
            throw ProjectErrors.InvalidRequest("types", "PROJECT_EVENT_TYPE_UNSPECIFIED is not an event type; leave types empty for all.");
        }
        var latest = await store.GetLatestAsync(projectId, context.Caller().UserId, includeState: false, context.CancellationToken).ConfigureAwait(false)
            ?? throw ProjectErrors.NotFound(projectId);
        var fingerprint = PageToken.Fingerprint(nameof(ListProjectHistory), context.Caller().UserId, projectId.ToString(),
            request.OldestFirst ? "oldest" : "newest", string.Join(",", request.Types_.Select(t => (int)t).Distinct().Order()));
        var fromVersion = request.PageToken.Length > 0
            ? long.Parse(PageToken.Read(request.PageToken, fingerprint, cursorLength: 1)[0], CultureInfo.InvariantCulture)
            : request.OldestFirst ? 1 : long.MaxValue;
        var types = request.Types_.Count == 0 ? null : HistoryEventTypes.StoredNames(request.Types_);
        var (events, next) = await history.ReadPageAsync(projectId, request.OldestFirst, fromVersion, types, pageSize, context.CancellationToken)
            .ConfigureAwait(false);
        var response = new ListProjectHistoryResponse
        {
            CurrentVersion = latest.Version,
            NextPageToken = next is { } version ? PageToken.Issue(fingerprint, [version.ToString(CultureInfo.InvariantCulture)]) : "",
        };
        response.Events.AddRange(events);
        return response;
    }

    /// <summary>The RFC 6902 patch from one version's editor state to another's (either order), and the metadata changes.</summary>
    public async Task<DiffProjectVersionsResponse> DiffProjectVersions(DiffProjectVersionsRequest request, ServerCallContext context)
    {
        var projectId = ProjectRequests.ProjectId(request.ProjectId);
        if (request.FromVersion < 1)
        {
            throw ProjectErrors.InvalidRequest("from_version", "The version to compare from is required (1 or more).");
        }
        if (request.ToVersion < 0)
        {
            throw ProjectErrors.InvalidRequest("to_version", "A version is 1 or more (0 means latest).");
        }
        var latest = await store.GetLatestAsync(projectId, context.Caller().UserId, includeState: false, context.CancellationToken).ConfigureAwait(false)
            ?? throw ProjectErrors.NotFound(projectId);
        var toVersion = request.ToVersion == 0 ? latest.Version : request.ToVersion;
        foreach (var version in new[] { request.FromVersion, toVersion })
        {
            if (version > latest.Version)
            {
                throw ProjectErrors.VersionNotFound(projectId, latest.Version, version);
            }
        }
        var from = await store.GetAtVersionAsync(latest, request.FromVersion, includeState: true, context.CancellationToken).ConfigureAwait(false);
        var to = await store.GetAtVersionAsync(latest, toVersion, includeState: true, context.CancellationToken).ConfigureAwait(false);
        var patch = JsonDiff.Diff(JsonNodes.Parse(from.EditorStateJson!), JsonNodes.Parse(to.EditorStateJson!));
        var response = new DiffProjectVersionsResponse { FromVersion = request.FromVersion, ToVersion = toVersion };
        response.EditorStatePatch.AddRange(patch.Select(PatchMessages.ToMessage));
        response.MetadataChanges.AddRange(MetadataChanges(from, to));
        var parts = new List<string>();
        if (patch.Count > 0)
        {
            parts.Add(PatchSummary.Describe(patch));
        }
        parts.AddRange(response.MetadataChanges.Select(change => change.Field + " changed"));
        response.Summary = parts.Count == 0 ? "no changes" : string.Join(", ", parts);
        return response;
    }

    private static IEnumerable<MetadataChange> MetadataChanges(ProjectRow from, ProjectRow to)
    {
        foreach (var (field, old, value) in new[]
                 {
                     ("title", from.Title, to.Title), ("description", from.Description, to.Description), ("folder_id", from.FolderId, to.FolderId),
                 })
        {
            if (!string.Equals(old, value, StringComparison.Ordinal))
            {
                yield return new MetadataChange { Field = field, OldValue = old, NewValue = value };
            }
        }
    }
}
