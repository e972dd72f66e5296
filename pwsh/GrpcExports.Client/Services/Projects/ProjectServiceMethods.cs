using Google.Protobuf.Reflection;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Client;

/// <summary>
/// The methods of grpcexports.v1.ProjectService, derived from the generated descriptor and checked
/// against it (kind, message types) when first used.
/// </summary>
public static class ProjectServiceMethods
{
    private static readonly ServiceDescriptor Service =
        ProjectServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ProjectService");

    /// <summary>ProjectService.CreateProject (Unary).</summary>
    public static readonly GrpcMethod<CreateProjectRequest, CreateProjectResponse> CreateProject =
        GrpcMethod<CreateProjectRequest, CreateProjectResponse>.FromDescriptor(
            Service, "CreateProject", MethodKind.Unary);

    /// <summary>ProjectService.GetProject (Unary, idempotent).</summary>
    public static readonly GrpcMethod<GetProjectRequest, GetProjectResponse> GetProject =
        GrpcMethod<GetProjectRequest, GetProjectResponse>.FromDescriptor(
            Service, "GetProject", MethodKind.Unary, isIdempotent: true);

    /// <summary>ProjectService.ListProjects (Unary, idempotent).</summary>
    public static readonly GrpcMethod<ListProjectsRequest, ListProjectsResponse> ListProjects =
        GrpcMethod<ListProjectsRequest, ListProjectsResponse>.FromDescriptor(
            Service, "ListProjects", MethodKind.Unary, isIdempotent: true);

    /// <summary>ProjectService.UpdateProject (Unary).</summary>
    public static readonly GrpcMethod<UpdateProjectRequest, UpdateProjectResponse> UpdateProject =
        GrpcMethod<UpdateProjectRequest, UpdateProjectResponse>.FromDescriptor(
            Service, "UpdateProject", MethodKind.Unary);

    /// <summary>ProjectService.SyncProject (Unary).</summary>
    public static readonly GrpcMethod<SyncProjectRequest, SyncProjectResponse> SyncProject =
        GrpcMethod<SyncProjectRequest, SyncProjectResponse>.FromDescriptor(Service, "SyncProject", MethodKind.Unary);

    /// <summary>ProjectService.DeleteProject (Unary).</summary>
    public static readonly GrpcMethod<DeleteProjectRequest, DeleteProjectResponse> DeleteProject =
        GrpcMethod<DeleteProjectRequest, DeleteProjectResponse>.FromDescriptor(
            Service, "DeleteProject", MethodKind.Unary);

    /// <summary>ProjectService.CloneProject (Unary).</summary>
    public static readonly GrpcMethod<CloneProjectRequest, CloneProjectResponse> CloneProject =
        GrpcMethod<CloneProjectRequest, CloneProjectResponse>.FromDescriptor(Service, "CloneProject", MethodKind.Unary);

    /// <summary>ProjectService.ListProjectHistory (Unary, idempotent).</summary>
    public static readonly GrpcMethod<ListProjectHistoryRequest, ListProjectHistoryResponse> ListProjectHistory =
        GrpcMethod<ListProjectHistoryRequest, ListProjectHistoryResponse>.FromDescriptor(
            Service, "ListProjectHistory", MethodKind.Unary, isIdempotent: true);

    /// <summary>ProjectService.DiffProjectVersions (Unary, idempotent).</summary>
    public static readonly GrpcMethod<DiffProjectVersionsRequest, DiffProjectVersionsResponse> DiffProjectVersions =
        GrpcMethod<DiffProjectVersionsRequest, DiffProjectVersionsResponse>.FromDescriptor(
            Service, "DiffProjectVersions", MethodKind.Unary, isIdempotent: true);

    /// <summary>ProjectService.RevertProject (Unary).</summary>
    public static readonly GrpcMethod<RevertProjectRequest, RevertProjectResponse> RevertProject =
        GrpcMethod<RevertProjectRequest, RevertProjectResponse>.FromDescriptor(
            Service, "RevertProject", MethodKind.Unary);

    /// <summary>ProjectService.ValidateEditorState (Unary, idempotent).</summary>
    public static readonly GrpcMethod<ValidateEditorStateRequest, ValidateEditorStateResponse> ValidateEditorState =
        GrpcMethod<ValidateEditorStateRequest, ValidateEditorStateResponse>.FromDescriptor(
            Service, "ValidateEditorState", MethodKind.Unary, isIdempotent: true);

    /// <summary>ProjectService.CheckProjectAssets (Unary, idempotent).</summary>
    public static readonly GrpcMethod<CheckProjectAssetsRequest, CheckProjectAssetsResponse> CheckProjectAssets =
        GrpcMethod<CheckProjectAssetsRequest, CheckProjectAssetsResponse>.FromDescriptor(
            Service, "CheckProjectAssets", MethodKind.Unary, isIdempotent: true);

    /// <summary>ProjectService.GetProjectThumbnail (Unary, idempotent).</summary>
    public static readonly GrpcMethod<GetProjectThumbnailRequest, GetProjectThumbnailResponse> GetProjectThumbnail =
        GrpcMethod<GetProjectThumbnailRequest, GetProjectThumbnailResponse>.FromDescriptor(
            Service, "GetProjectThumbnail", MethodKind.Unary, isIdempotent: true);

    /// <summary>ProjectService.ExportProjectFile (ServerStreaming, idempotent).</summary>
    public static readonly GrpcMethod<ExportProjectFileRequest, ExportProjectFileResponse> ExportProjectFile =
        GrpcMethod<ExportProjectFileRequest, ExportProjectFileResponse>.FromDescriptor(
            Service, "ExportProjectFile", MethodKind.ServerStreaming, isIdempotent: true);

    /// <summary>ProjectService.ImportProjectFile (ClientStreaming).</summary>
    public static readonly GrpcMethod<ImportProjectFileRequest, ImportProjectFileResponse> ImportProjectFile =
        GrpcMethod<ImportProjectFileRequest, ImportProjectFileResponse>.FromDescriptor(
            Service, "ImportProjectFile", MethodKind.ClientStreaming);

    /// <summary>ProjectService.ValidateProjectFile (ClientStreaming).</summary>
    public static readonly GrpcMethod<ValidateProjectFileRequest, ValidateProjectFileResponse> ValidateProjectFile =
        GrpcMethod<ValidateProjectFileRequest, ValidateProjectFileResponse>.FromDescriptor(
            Service, "ValidateProjectFile", MethodKind.ClientStreaming);
}
