using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Engine;

/// <summary>
/// One connection to a server and the RPCs the cmdlets make, one method per RPC. Failed calls throw
/// <see cref="GxRpcException"/>; cancelled ones <see cref="OperationCanceledException"/>.
/// </summary>
internal interface IGxSession : IDisposable
{
    Uri Endpoint { get; }

    /// <summary>grpc.health.v1.Health/Check for the whole server: SERVING, NOT_SERVING, ...</summary>
    Task<string> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>AccountService/GetAccount's server_version; null while the server does not implement it.</summary>
    Task<string?> GetServerVersionAsync(CancellationToken cancellationToken);

    Task<GxProject> CreateProjectAsync(NewProject project, CancellationToken cancellationToken);

    Task<GxProject> GetProjectAsync(string id, long version, CancellationToken cancellationToken);

    Task<Page<GxProject>> ListProjectsAsync(ProjectFilter filter, PageRequest page, CancellationToken cancellationToken);

    Task<GxProject> UpdateProjectAsync(ProjectChanges changes, CancellationToken cancellationToken);

    Task<GxProjectSyncResult> SyncProjectAsync(string id, string editorStateJson, long expectedStateVersion, CancellationToken cancellationToken);

    Task<GxProjectDeletion> DeleteProjectAsync(string id, CancellationToken cancellationToken);

    Task<GxProject> CloneProjectAsync(ProjectCopy copy, CancellationToken cancellationToken);

    Task<Page<GxProjectEvent>> ListProjectHistoryAsync(string id, bool oldestFirst, PageRequest page, CancellationToken cancellationToken);

    Task<GxProjectDiff> DiffProjectVersionsAsync(string id, long fromVersion, long toVersion, CancellationToken cancellationToken);

    /// <summary>The project after the revert; Unchanged when that version's editor state was current already (nothing stored).</summary>
    Task<(GxProject Project, bool Unchanged)> RevertProjectAsync(string id, long version, long expectedStateVersion, CancellationToken cancellationToken);

    Task<GxValidationResult> ValidateEditorStateAsync(string editorStateJson, CancellationToken cancellationToken);

    /// <summary>
    /// ProjectService/CheckProjectAssets of a saved project (<paramref name="projectId"/>) or an inline document; null while
    /// the server does not implement it.
    /// </summary>
    Task<GxAssetCheck?> CheckProjectAssetsAsync(string? projectId, string? editorStateJson, CancellationToken cancellationToken);

    /// <summary>GetProjectThumbnail written to <paramref name="filePath"/>.</summary>
    Task<GxProjectThumbnail> GetProjectThumbnailAsync(ThumbnailRequest request, string filePath, CancellationToken cancellationToken);

    /// <summary>
    /// ExportProjectFile into <paramref name="filePath"/> (replaced); the SHA-256 is checked at the end, and a file that does not
    /// match is deleted (<see cref="InvalidDataException"/>).
    /// </summary>
    IAsyncEnumerable<TransferStep<GxProjectFile>> ExportProjectFileAsync(string id, long version, bool includeAssets, string filePath,
        CancellationToken cancellationToken);

    /// <summary>ImportProjectFile of one file, in chunks, with a step after each.</summary>
    IAsyncEnumerable<TransferStep<GxProjectImport>> ImportProjectFileAsync(string filePath, CancellationToken cancellationToken);

    /// <summary>ValidateProjectFile of one file.</summary>
    Task<GxProjectFileCheck> ValidateProjectFileAsync(string filePath, CancellationToken cancellationToken);

    /// <summary>The export created, and whether it is an earlier one found by its client task id instead.</summary>
    Task<(GxExport Export, bool Deduplicated)> CreateExportAsync(NewExport export, CancellationToken cancellationToken);

    Task<GxExport> GetExportAsync(string id, CancellationToken cancellationToken);

    Task<Page<GxExport>> ListExportsAsync(ExportFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// WatchExport: the export now, then after every change, ending with its final state; <paramref name="timeout"/> (if
    /// any) is the call's deadline (DEADLINE_EXCEEDED).
    /// </summary>
    IAsyncEnumerable<GxExport> WatchExportAsync(string id, TimeSpan? timeout, CancellationToken cancellationToken);

    Task<GxExport> CancelExportAsync(string id, CancellationToken cancellationToken);

    Task<GxExportDeletion> DeleteExportAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// DownloadExport into <paramref name="filePath"/>: a file already there is taken as the start of the download and
    /// resumed from its size; the whole file's SHA-256 is checked at the end, and a file that does not match is deleted
    /// (<see cref="InvalidDataException"/>).
    /// </summary>
    IAsyncEnumerable<TransferStep<GxExportFile>> DownloadExportAsync(string id, string filePath, CancellationToken cancellationToken);

    /// <summary>UploadAsset of one file, in chunks, with a step after each.</summary>
    IAsyncEnumerable<TransferStep<GxAsset>> UploadAssetAsync(NewAsset asset, CancellationToken cancellationToken);

    Task<GxAsset> GetAssetAsync(string id, CancellationToken cancellationToken);

    Task<Page<GxAsset>> ListAssetsAsync(AssetFilter filter, PageRequest page, CancellationToken cancellationToken);

    Task<GxAssetDeletion> DeleteAssetAsync(string id, CancellationToken cancellationToken);
}
