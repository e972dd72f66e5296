using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Projects.ProjectAssertions;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>UpdateProject (metadata under a field mask, never the editor state) and DeleteProject (soft delete), with their errors.</summary>
public sealed class ProjectUpdateDeleteTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();

    private ProjectServiceClient Projects => new(_connection);

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task UpdatesTheTitleWithoutTouchingTheEditorStateOrMakingAnAutosaveStale()
    {
        var project = await CreateAsync("Draft", "notes", "folder-a");
        await Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(3, 1, 7)), ExpectedStateVersion = 1 });

        var updated = (await Projects.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Id = project.Id, Title = "Launch", Description = "ignored: not in the mask" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        })).Project;
        var sync = await Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(3, 1, 8)), ExpectedStateVersion = 2 });
        var before = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, Version = 2 })).Project;

        Assert.Equal(("Launch", "notes", "folder-a"), (updated.Title, updated.Description, updated.FolderId));
        Assert.Equal((3L, 2L), (updated.Version, updated.StateVersion));
        Assert.Null(updated.EditorState);
        Assert.True(updated.UpdateTime.ToDateTimeOffset() > project.UpdateTime.ToDateTimeOffset());
        Assert.Equal((4L, 4L), (sync.Version, sync.StateVersion));
        Assert.Equal("Draft", before.Title);
        Assert.Null(JsonEquivalence.FindDifference(LargeState(3, 1, 7), Format(before.EditorState)));
    }

    [Fact]
    public async Task AnEmptyMaskUpdatesTheNonEmptyFieldsAndTheStarMaskClearsEmptyOnes()
    {
        var project = await CreateAsync("Title", "description", "folder-b");

        var implicitMask = (await Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = project.Id, FolderId = "folder-c" } })).Project;
        var star = (await Projects.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Id = project.Id, Title = "Renamed" },
            UpdateMask = new FieldMask { Paths = { "*" } },
        })).Project;

        Assert.Equal(("Title", "description", "folder-c", 2L), (implicitMask.Title, implicitMask.Description, implicitMask.FolderId, implicitMask.Version));
        Assert.Equal(("Renamed", "", "", 3L), (star.Title, star.Description, star.FolderId, star.Version));
    }

    [Fact]
    public async Task AnUpdateThatChangesNothingAppendsNothing()
    {
        var project = await CreateAsync("Same", "", "");

        var updated = (await Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = project.Id, Title = "Same" } })).Project;

        Assert.Equal(1L, updated.Version);
        Assert.Equal(project.UpdateTime, updated.UpdateTime);
    }

    [Theory]
    [InlineData("editor_state")]
    [InlineData("owner_id")]
    [InlineData("version")]
    public async Task RefusesMaskPathsItCannotUpdateNamingThem(string path)
    {
        var project = await CreateAsync("Keep", "", "");

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Id = project.Id, Title = "Changed" },
            UpdateMask = new FieldMask { Paths = { "title", path } },
        }));

        AssertInvalid(error, "INVALID_UPDATE_MASK", "update_mask.paths");
        Assert.Equal(path, error.ErrorInfo!.Metadata["paths"]);
        Assert.Contains(path, error.BadRequest!.FieldViolations[0].Description);
        Assert.Equal(("Keep", 1L), await TitleAndVersionAsync(project.Id));
    }

    [Fact]
    public async Task RefusesInvalidValuesAndMissingIds()
    {
        var project = await CreateAsync("Keep", "", "");

        async Task<RpcException> Update(UpdateProjectRequest request) =>
            await Assert.ThrowsAsync<RpcException>(() => Projects.UpdateProjectAsync(request));

        AssertInvalid(await Update(new UpdateProjectRequest { Project = new Project { Id = project.Id, Title = new string('t', 129) } }),
            "INVALID_REQUEST", "project.title");
        AssertInvalid(await Update(new UpdateProjectRequest
        {
            Project = new Project { Id = project.Id },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }), "INVALID_REQUEST", "project.title");
        AssertInvalid(await Update(new UpdateProjectRequest { Project = new Project { Id = project.Id, FolderId = "a/b" } }),
            "INVALID_REQUEST", "project.folder_id");
        AssertInvalid(await Update(new UpdateProjectRequest()), "INVALID_REQUEST", "project");
        AssertInvalid(await Update(new UpdateProjectRequest { Project = new Project { Id = "nope", Title = "x" } }), "INVALID_REQUEST", "project.id");
        var unknown = Guid.NewGuid().ToString();
        AssertProjectNotFound(await Update(new UpdateProjectRequest { Project = new Project { Id = unknown, Title = "x" } }), unknown);
        Assert.Equal(("Keep", 1L), await TitleAndVersionAsync(project.Id));
    }

    [Fact]
    public async Task ADeletedProjectAnswersNotFoundEverywhereAndIsNotDeletedTwice()
    {
        var project = await CreateAsync("Doomed", "", "");
        await Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(2)) });

        var deleted = await Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = project.Id });

        Assert.Equal(project.Id, deleted.ProjectId);
        Assert.True(deleted.DeleteTime.ToDateTimeOffset() >= project.CreateTime.ToDateTimeOffset());
        var id = project.Id;
        var calls = new Func<Task>[]
        {
            () => Projects.GetProjectAsync(new GetProjectRequest { ProjectId = id }),
            () => Projects.GetProjectAsync(new GetProjectRequest { ProjectId = id, Version = 1 }),
            () => Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(3)) }),
            () => Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = id, Title = "x" } }),
            () => Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = id }),
            () => Projects.CloneProjectAsync(new CloneProjectRequest { ProjectId = id }),
            () => Projects.ListProjectHistoryAsync(new ListProjectHistoryRequest { ProjectId = id }),
            () => Projects.DiffProjectVersionsAsync(new DiffProjectVersionsRequest { ProjectId = id, FromVersion = 1 }),
            () => Projects.RevertProjectAsync(new RevertProjectRequest { ProjectId = id, Version = 1 }),
        };
        foreach (var call in calls)
        {
            AssertProjectNotFound(await Assert.ThrowsAsync<RpcException>(call), id);
        }
    }

    [Fact]
    public async Task DeleteRefusesBadIdsAndAnswersNotFoundForUnknownOnes()
    {
        var unknown = Guid.NewGuid().ToString();

        var bad = await Assert.ThrowsAsync<RpcException>(() => Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = "x" }));
        var missing = await Assert.ThrowsAsync<RpcException>(() => Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = unknown }));

        AssertInvalid(bad, "INVALID_REQUEST", "project_id");
        AssertProjectNotFound(missing, unknown);
    }

    private async Task<Project> CreateAsync(string title, string description, string folder) =>
        (await Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = title, Description = description, FolderId = folder, EditorState = Parse(LargeState(3)) },
        })).Project;

    private async Task<(string, long)> TitleAndVersionAsync(string projectId)
    {
        var project = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = projectId, View = ProjectView.Basic })).Project;
        return (project.Title, project.Version);
    }
}
