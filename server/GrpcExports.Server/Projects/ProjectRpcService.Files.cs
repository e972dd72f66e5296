using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Projects.Idempotency;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Projects;

/// <summary>Portable project files (ProjectFiles/) and thumbnails (Thumbnails/).</summary>
internal sealed partial class ProjectRpcService
{
    /// <summary>One frame of a version (or a contact sheet) as PNG or JPEG, cached by the state it shows.</summary>
    public Task<GetProjectThumbnailResponse> GetProjectThumbnail(GetProjectThumbnailRequest request, ServerCallContext context) =>
        thumbnails.GetAsync(request, context.Caller().UserId, context.CancellationToken);

    /// <summary>The project file of a version: its ProjectFileInfo, then its bytes.</summary>
    public Task ExportProjectFile(ExportProjectFileRequest request, IServerStreamWriter<ExportProjectFileResponse> responses, ServerCallContext context) =>
        fileExports.ExportAsync(request, context.Caller().UserId, responses, context.CancellationToken);

    /// <summary>A new project (version 1, ProjectImported) from a streamed project file, its assets relinked or stored.</summary>
    public Task<ImportProjectFileResponse> ImportProjectFile(IAsyncEnumerable<ImportProjectFileRequest> requests, ServerCallContext context) =>
        fileImports.ImportAsync(requests, context.Caller().UserId, IdempotencyKey.From(context), Metadata(context), context.CancellationToken);

    /// <summary>Everything wrong with a streamed project file and what it holds, without importing it.</summary>
    public Task<ValidateProjectFileResponse> ValidateProjectFile(IAsyncEnumerable<ValidateProjectFileRequest> requests, ServerCallContext context) =>
        fileValidation.ValidateAsync(requests, context.CancellationToken);
}
