using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.EditorState;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Hosting;

namespace GrpcExports.Server.Projects;

/// <summary>
/// grpcexports.v1.ProjectService: projects: the event store, autosave and history. RPCs whose issue has not landed yet answer UNIMPLEMENTED.
/// </summary>
internal sealed class ProjectRpcService : IGrpcService
{
    public static ServiceDescriptor Descriptor => ProjectServiceReflection.Descriptor.Services[0];

    public Task<CreateProjectResponse> CreateProject(CreateProjectRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.CreateProject", issue: 3);

    public Task<GetProjectResponse> GetProject(GetProjectRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.GetProject", issue: 3);

    public Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.ListProjects", issue: 3);

    public Task<UpdateProjectResponse> UpdateProject(UpdateProjectRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.UpdateProject", issue: 3);

    public Task<SyncProjectResponse> SyncProject(SyncProjectRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.SyncProject", issue: 3);

    public Task<DeleteProjectResponse> DeleteProject(DeleteProjectRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.DeleteProject", issue: 3);

    public Task<CloneProjectResponse> CloneProject(CloneProjectRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.CloneProject", issue: 3);

    public Task<ListProjectHistoryResponse> ListProjectHistory(ListProjectHistoryRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.ListProjectHistory", issue: 3);

    public Task<DiffProjectVersionsResponse> DiffProjectVersions(DiffProjectVersionsRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.DiffProjectVersions", issue: 3);

    public Task<RevertProjectResponse> RevertProject(RevertProjectRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.RevertProject", issue: 3);

    /// <summary>
    /// Decodes the document as the server stores it and gives it back with what is wrong with it. This build checks
    /// only that it can be stored (a JSON object of finite numbers); the schema and the timeline rules arrive with
    /// the project store (issue 3).
    /// </summary>
    public Task<ValidateEditorStateResponse> ValidateEditorState(ValidateEditorStateRequest request, ServerCallContext context)
    {
        if (request.EditorState is null)
        {
            throw ProductErrors.MissingField("editor_state", "An editor state document is required.");
        }
        var response = new ValidateEditorStateResponse();
        response.Violations.AddRange(NonFiniteNumbers.Find(request.EditorState));
        response.Valid = response.Violations.Count == 0;
        if (response.Valid)
        {
            response.EditorState = EditorStateJson.Read(EditorStateJson.Write(request.EditorState));
        }
        return Task.FromResult(response);
    }

    public Task<CheckProjectAssetsResponse> CheckProjectAssets(CheckProjectAssetsRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.CheckProjectAssets", issue: 7);

    public Task<GetProjectThumbnailResponse> GetProjectThumbnail(GetProjectThumbnailRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.GetProjectThumbnail", issue: 7);

    public Task ExportProjectFile(ExportProjectFileRequest request, IServerStreamWriter<ExportProjectFileResponse> responses, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.ExportProjectFile", issue: 7);

    public Task<ImportProjectFileResponse> ImportProjectFile(IAsyncEnumerable<ImportProjectFileRequest> requests, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.ImportProjectFile", issue: 7);

    public Task<ValidateProjectFileResponse> ValidateProjectFile(IAsyncEnumerable<ValidateProjectFileRequest> requests, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("ProjectService.ValidateProjectFile", issue: 7);
}
