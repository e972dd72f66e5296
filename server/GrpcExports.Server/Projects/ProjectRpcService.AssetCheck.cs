using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Projects;

internal sealed partial class ProjectRpcService
{
    /// <summary>Pre-flight of a project version's (or an inline document's) assets; see Projects/AssetCheck.</summary>
    public async Task<CheckProjectAssetsResponse> CheckProjectAssets(CheckProjectAssetsRequest request, ServerCallContext context)
    {
        if (request.Version < 0)
        {
            throw ProjectErrors.InvalidRequest("version", "A version is 1 or more (0 means latest).");
        }
        string json;
        long version;
        switch (request.SourceCase)
        {
            case CheckProjectAssetsRequest.SourceOneofCase.EditorState:
                if (request.Version != 0)
                {
                    throw ProjectErrors.InvalidRequest("version", "A version goes with project_id; leave it 0 with editor_state.");
                }
                (json, version) = (ProjectRequests.EditorState(request.EditorState, "editor_state", editorStateLimits), 0);
                break;
            case CheckProjectAssetsRequest.SourceOneofCase.ProjectId:
                var projectId = ProjectRequests.ProjectId(request.ProjectId);
                var latest = await store.GetLatestAsync(projectId, context.Caller().UserId, includeState: request.Version == 0, context.CancellationToken)
                    .ConfigureAwait(false) ?? throw ProjectErrors.NotFound(projectId);
                if (request.Version > latest.Version)
                {
                    throw ProjectErrors.VersionNotFound(projectId, latest.Version, version: request.Version);
                }
                var row = request.Version == 0 ? latest
                    : await store.GetAtVersionAsync(latest, request.Version, includeState: true, context.CancellationToken).ConfigureAwait(false);
                (json, version) = (row.EditorStateJson!, row.Version);
                break;
            default:
                throw ProductErrors.MissingField("project_id", "Say what to check: a project_id, or an editor_state sent inline.");
        }
        var response = await assetCheck.CheckAsync(json, context.Caller().UserId, probeMediaFiles: true, context.CancellationToken).ConfigureAwait(false);
        response.ProjectVersion = version;
        return response;
    }
}
