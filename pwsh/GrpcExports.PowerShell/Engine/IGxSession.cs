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
}
