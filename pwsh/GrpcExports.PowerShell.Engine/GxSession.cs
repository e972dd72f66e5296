using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.PowerShell.Output;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.PowerShell.Engine;

/// <summary>The cmdlets' calls over one connection: each builds its request, calls, and maps the answer.</summary>
internal sealed partial class GxSession : IGxSession
{
    private readonly GrpcConnection _connection;
    private readonly ProjectServiceClient _projects;
    private readonly ExportServiceClient _exports;
    private readonly AssetServiceClient _assets;

    public GxSession(GrpcConnection connection)
    {
        _connection = connection;
        _projects = new ProjectServiceClient(connection);
        _exports = new ExportServiceClient(connection);
        _assets = new AssetServiceClient(connection);
    }

    public Uri Endpoint => _connection.Endpoint;

    public Task<string> CheckHealthAsync(CancellationToken cancellationToken) => Translated(async () =>
    {
        var response = await new HealthClient(_connection).CheckAsync("", cancellationToken: cancellationToken).ConfigureAwait(false);
        return ProtoNames.UpperSnake(response.Status.ToString());
    });

    public Task<string?> GetServerVersionAsync(CancellationToken cancellationToken) => Translated(async () =>
    {
        try
        {
            var response = await new AccountServiceClient(_connection)
                .GetAccountAsync(new GetAccountRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(response.ServerVersion) ? null : response.ServerVersion;
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.Unimplemented or StatusCode.Unauthenticated)
        {
            // The version comes with the account, which needs a key the server accepts; without one the server is still
            // shown (reachable, healthy), only its version is unknown. Servers before the accounts issue do not report it.
            return (string?)null;
        }
    });

    public Task<GxProject> CreateProjectAsync(NewProject project, CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new CreateProjectRequest
        {
            Project = new Project
            {
                Title = project.Title ?? "",
                Description = project.Description ?? "",
                FolderId = project.FolderId ?? "",
                EditorState = project.EditorStateJson is null ? null : EditorStateMessages.FromJson(project.EditorStateJson),
            },
        };
        var response = await _projects.CreateProjectAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ProjectOutputs.Project(response.Project);
    });

    public Task<GxProject> GetProjectAsync(string id, long version, CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new GetProjectRequest { ProjectId = id, Version = version, View = ProjectView.Full };
        var response = await _projects.GetProjectAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ProjectOutputs.Project(response.Project);
    });

    public Task<Page<GxProject>> ListProjectsAsync(ProjectFilter filter, PageRequest page, CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new ListProjectsRequest
        {
            PageSize = page.Size,
            PageToken = page.Token,
            FolderId = filter.FolderId ?? "",
            TitleContains = filter.TitleContains ?? "",
            UpdateTimeAfter = filter.UpdatedAfter is { } after ? Timestamp.FromDateTime(after.ToUniversalTime()) : null,
            View = ProjectView.Basic,
        };
        var response = await _projects.ListProjectsAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new Page<GxProject>(response.Projects.Select(ProjectOutputs.Project).ToArray(), response.NextPageToken);
    });

    public Task<GxProject> UpdateProjectAsync(ProjectChanges changes, CancellationToken cancellationToken) => Translated(async () =>
    {
        var project = new Project { Id = changes.Id };
        var mask = new FieldMask();
        if (changes.Title is not null)
        {
            project.Title = changes.Title;
            mask.Paths.Add("title");
        }
        if (changes.Description is not null)
        {
            project.Description = changes.Description;
            mask.Paths.Add("description");
        }
        if (changes.FolderId is not null)
        {
            project.FolderId = changes.FolderId;
            mask.Paths.Add("folder_id");
        }
        var request = new UpdateProjectRequest { Project = project, UpdateMask = mask };
        var response = await _projects.UpdateProjectAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ProjectOutputs.Project(response.Project);
    });

    public Task<GxProjectSyncResult> SyncProjectAsync(string id, string editorStateJson, long expectedStateVersion,
        CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new SyncProjectRequest
        {
            ProjectId = id,
            EditorState = EditorStateMessages.FromJson(editorStateJson),
            ExpectedStateVersion = expectedStateVersion,
        };
        var response = await _projects.SyncProjectAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ProjectOutputs.SyncResult(response);
    });

    public Task<GxProjectDeletion> DeleteProjectAsync(string id, CancellationToken cancellationToken) => Translated(async () =>
    {
        var response = await _projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = id }, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return new GxProjectDeletion(response.ProjectId, ProjectOutputs.Time(response.DeleteTime));
    });

    public Task<GxProject> CloneProjectAsync(ProjectCopy copy, CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new CloneProjectRequest
        {
            ProjectId = copy.Id,
            Version = copy.Version,
            Title = copy.Title ?? "",
            Description = copy.Description ?? "",
            FolderId = copy.FolderId ?? "",
        };
        var response = await _projects.CloneProjectAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ProjectOutputs.Project(response.Project);
    });

    public Task<Page<GxProjectEvent>> ListProjectHistoryAsync(string id, bool oldestFirst, PageRequest page,
        CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new ListProjectHistoryRequest { ProjectId = id, OldestFirst = oldestFirst, PageSize = page.Size, PageToken = page.Token };
        var response = await _projects.ListProjectHistoryAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new Page<GxProjectEvent>(response.Events.Select(projectEvent => ProjectOutputs.Event(id, projectEvent)).ToArray(),
            response.NextPageToken);
    });

    public Task<GxProjectDiff> DiffProjectVersionsAsync(string id, long fromVersion, long toVersion,
        CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new DiffProjectVersionsRequest { ProjectId = id, FromVersion = fromVersion, ToVersion = toVersion };
        var response = await _projects.DiffProjectVersionsAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ProjectOutputs.Diff(id, response);
    });

    public Task<(GxProject Project, bool Unchanged)> RevertProjectAsync(string id, long version, long expectedStateVersion,
        CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new RevertProjectRequest { ProjectId = id, Version = version, ExpectedStateVersion = expectedStateVersion };
        var response = await _projects.RevertProjectAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (ProjectOutputs.Project(response.Project), response.Unchanged);
    });

    public Task<GxValidationResult> ValidateEditorStateAsync(string editorStateJson, CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new ValidateEditorStateRequest { EditorState = EditorStateMessages.FromJson(editorStateJson) };
        var response = await _projects.ValidateEditorStateAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ProjectOutputs.Validation(response);
    });

    public Task<GxAssetCheck?> CheckProjectAssetsAsync(string? projectId, string? editorStateJson, CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = projectId is not null
            ? new CheckProjectAssetsRequest { ProjectId = projectId }
            : new CheckProjectAssetsRequest { EditorState = EditorStateMessages.FromJson(editorStateJson!) };
        try
        {
            var response = await _projects.CheckProjectAssetsAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
            return AssetOutputs.Check(response);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Unimplemented)
        {
            // Servers before the asset pre-flight issue cannot check assets.
            return (GxAssetCheck?)null;
        }
    });

    public void Dispose() => _connection.Dispose();

    private static async Task<T> Translated<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException error)
        {
            throw RpcErrorTranslation.ToGxRpcException(error);
        }
    }

    private static async Task Translated(Func<Task> call) => await Translated(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    }).ConfigureAwait(false);

    /// <summary>The next message of a stream, or null at its end, with a failed call translated as <see cref="Translated{T}"/> does.</summary>
    private static async Task<T?> NextAsync<T>(IAsyncEnumerator<T> messages) where T : class =>
        await Translated(async () => await messages.MoveNextAsync().ConfigureAwait(false) ? messages.Current : null).ConfigureAwait(false);
}
