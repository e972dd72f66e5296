using GrpcExports.Protocol.V1;

namespace GrpcExports.Client;

/// <summary>
/// Saved video projects: metadata, autosave with optimistic concurrency, history, validation, thumbnails and
/// project files (grpcexports.v1.ProjectService).
/// Calls fail with <see cref="GrpcExports.Protocol.Wire.RpcException"/> carrying the status code and the ErrorInfo
/// reason.
/// </summary>
public sealed class ProjectServiceClient
{
    /// <summary>A client of ProjectService over <paramref name="connection"/>.</summary>
    public ProjectServiceClient(GrpcConnection connection)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <summary>The connection the calls go through.</summary>
    public GrpcConnection Connection { get; }

    /// <summary>Creates a project at version 1 with an initial editor state (or a blank one).</summary>
    public Task<CreateProjectResponse> CreateProjectAsync(
        CreateProjectRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.CreateProject, request, options, cancellationToken);

    /// <summary>
    /// Reads a project: its latest state by default, or as it was at a past <c>version</c> or <c>as_of_time</c>.
    /// </summary>
    public Task<GetProjectResponse> GetProjectAsync(
        GetProjectRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.GetProject, request, options, cancellationToken);

    /// <summary>
    /// Lists the caller's projects, most recently edited first (update_time descending, then id), BASIC view by
    /// default.
    /// </summary>
    public Task<ListProjectsResponse> ListProjectsAsync(
        ListProjectsRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.ListProjects, request, options, cancellationToken);

    /// <summary>Updates title, description and/or folder (AIP-134 with a field mask).</summary>
    public Task<UpdateProjectResponse> UpdateProjectAsync(
        UpdateProjectRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.UpdateProject, request, options, cancellationToken);

    /// <summary>
    /// Autosave: replaces the editor state with the one sent (validated first; nothing is stored when it is invalid).
    /// </summary>
    public Task<SyncProjectResponse> SyncProjectAsync(
        SyncProjectRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.SyncProject, request, options, cancellationToken);

    /// <summary>
    /// Soft-deletes a project: afterwards every project RPC answers NOT_FOUND for it and lists omit it.
    /// </summary>
    public Task<DeleteProjectResponse> DeleteProjectAsync(
        DeleteProjectRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.DeleteProject, request, options, cancellationToken);

    /// <summary>
    /// Makes a new project (version 1) from any version of an existing one: same editor state (and so the same asset
    /// references), copied title/description/folder unless overridden, <c>cloned_from</c> recording the source.
    /// </summary>
    public Task<CloneProjectResponse> CloneProjectAsync(
        CloneProjectRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.CloneProject, request, options, cancellationToken);

    /// <summary>
    /// Lists a project's events (creation, syncs, metadata updates, reverts, exports), newest first unless
    /// <c>oldest_first</c>.
    /// </summary>
    public Task<ListProjectHistoryResponse> ListProjectHistoryAsync(
        ListProjectHistoryRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.ListProjectHistory, request, options, cancellationToken);

    /// <summary>
    /// Compares two versions: the RFC 6902 JSON Patch that turns the editor state at <c>from_version</c> into the one
    /// at <c>to_version</c>, plus metadata changes.
    /// </summary>
    public Task<DiffProjectVersionsResponse> DiffProjectVersionsAsync(
        DiffProjectVersionsRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.DiffProjectVersions, request, options, cancellationToken);

    /// <summary>
    /// Restores the editor state of an earlier version by appending a REVERTED event (history is never rewritten).
    /// </summary>
    public Task<RevertProjectResponse> RevertProjectAsync(
        RevertProjectRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.RevertProject, request, options, cancellationToken);

    /// <summary>
    /// Dry run of the validation CreateProject, SyncProject and CreateExport apply: the Indream editorState v1 JSON
    /// Schema plus the semantic rules (no overlap on a track, keyframes inside their item, transitions between touching
    /// clips of their track, known asset and item ids).
    /// </summary>
    public Task<ValidateEditorStateResponse> ValidateEditorStateAsync(
        ValidateEditorStateRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.ValidateEditorState, request, options, cancellationToken);

    /// <summary>
    /// Pre-flight: resolves every asset reference of a project version (or of a document sent inline) and reports found
    /// / missing, where it resolved, which items use it, and whether its probed facts fit those uses.
    /// </summary>
    public Task<CheckProjectAssetsResponse> CheckProjectAssetsAsync(
        CheckProjectAssetsRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.CheckProjectAssets, request, options, cancellationToken);

    /// <summary>
    /// Renders one frame of a project version as a PNG or JPEG (or a contact sheet of several frames in a grid).
    /// </summary>
    public Task<GetProjectThumbnailResponse> GetProjectThumbnailAsync(
        GetProjectThumbnailRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ProjectServiceMethods.GetProjectThumbnail, request, options, cancellationToken);

    /// <summary>
    /// Streams a portable project file (see project_file.proto) of a project version: the first message is its
    /// ProjectFileInfo (size, SHA-256), then the bytes in order in chunks of at most 1 MiB. Enumerate the result to run
    /// the call.
    /// </summary>
    public ServerStreamingCall<ExportProjectFileResponse> ExportProjectFileAsync(
        ExportProjectFileRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.ServerStreaming(ProjectServiceMethods.ExportProjectFile, request, options, cancellationToken);

    /// <summary>
    /// Creates a project from a portable project file streamed by the client: first an ImportProjectFileHeader, then
    /// the file's bytes in chunks. Write the requests, complete the stream, then await the response.
    /// </summary>
    public ClientStreamingCall<ImportProjectFileRequest, ImportProjectFileResponse> ImportProjectFileAsync(
        CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.ClientStreaming(ProjectServiceMethods.ImportProjectFile, options, cancellationToken);

    /// <summary>
    /// Checks a portable project file without importing it (header first, then chunks, as ImportProjectFile): reports
    /// whether it is valid, what it contains, and every problem with its path. Write the requests, complete the stream,
    /// then await the response.
    /// </summary>
    public ClientStreamingCall<ValidateProjectFileRequest, ValidateProjectFileResponse> ValidateProjectFileAsync(
        CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.ClientStreaming(ProjectServiceMethods.ValidateProjectFile, options, cancellationToken);
}
