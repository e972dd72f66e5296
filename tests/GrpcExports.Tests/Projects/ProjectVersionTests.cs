using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Projects.ProjectAssertions;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>Working with past versions: DiffProjectVersions, RevertProject and CloneProject, with their errors.</summary>
public sealed class ProjectVersionTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();

    private ProjectServiceClient Projects => new(_connection);

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task DiffsTwoVersionsEitherWayWithTheMetadataChanges()
    {
        var id = await CreateAsync(LargeState(4, movedItem: 3, start: 720000));
        await Sync(id, LargeState(4, movedItem: 3, start: 11));
        await Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = id, Title = "Final", FolderId = "done" } });

        var forward = await Projects.DiffProjectVersionsAsync(new DiffProjectVersionsRequest { ProjectId = id, FromVersion = 1 });
        var backward = await Projects.DiffProjectVersionsAsync(new DiffProjectVersionsRequest { ProjectId = id, FromVersion = 3, ToVersion = 1 });
        var same = await Projects.DiffProjectVersionsAsync(new DiffProjectVersionsRequest { ProjectId = id, FromVersion = 2, ToVersion = 3 });

        Assert.Equal((1L, 3L), (forward.FromVersion, forward.ToVersion));
        var operation = Assert.Single(forward.EditorStatePatch);
        Assert.Equal((JsonPatchOp.Replace, "/items/item-3/startTicks", 11.0), (operation.Op, operation.Path, operation.Value.NumberValue));
        Assert.Equal(720000.0, Assert.Single(backward.EditorStatePatch).Value.NumberValue);
        Assert.Equal(["title Draft -> Final", "folder_id work -> done"], forward.MetadataChanges.Select(c => $"{c.Field} {c.OldValue} -> {c.NewValue}"));
        Assert.Equal(["title Final -> Draft", "folder_id done -> work"], backward.MetadataChanges.Select(c => $"{c.Field} {c.OldValue} -> {c.NewValue}"));
        Assert.Equal("moved item item-3, title changed, folder_id changed", forward.Summary);
        Assert.Empty(same.EditorStatePatch);
        Assert.Equal(2, same.MetadataChanges.Count);
    }

    [Fact]
    public async Task DiffRefusesMissingVersionsNamingTheLatest()
    {
        var id = await CreateAsync();
        await Sync(id, LargeState(4, movedItem: 3, start: 11));
        var unknown = Guid.NewGuid().ToString();

        async Task<RpcException> Diff(DiffProjectVersionsRequest request) =>
            await Assert.ThrowsAsync<RpcException>(() => Projects.DiffProjectVersionsAsync(request));

        AssertVersionNotFound(await Diff(new DiffProjectVersionsRequest { ProjectId = id, FromVersion = 1, ToVersion = 3 }), id, 3, currentVersion: 2);
        AssertVersionNotFound(await Diff(new DiffProjectVersionsRequest { ProjectId = id, FromVersion = 9 }), id, 9, currentVersion: 2);
        AssertInvalid(await Diff(new DiffProjectVersionsRequest { ProjectId = id }), "INVALID_REQUEST", "from_version");
        AssertInvalid(await Diff(new DiffProjectVersionsRequest { ProjectId = id, FromVersion = 1, ToVersion = -1 }), "INVALID_REQUEST", "to_version");
        AssertProjectNotFound(await Diff(new DiffProjectVersionsRequest { ProjectId = unknown, FromVersion = 1 }), unknown);
    }

    [Fact]
    public async Task RevertRestoresAnEarlierStateAsANewEventAndKeepsHistory()
    {
        var id = await CreateAsync();
        await Sync(id, LargeState(4, movedItem: 0, start: 3));
        await Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = id, Title = "Renamed" } });

        var reverted = await Projects.RevertProjectAsync(new RevertProjectRequest { ProjectId = id, Version = 1, ExpectedStateVersion = 2 });
        var middle = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = id, Version = 2 })).Project;

        Assert.False(reverted.Unchanged);
        Assert.Equal((4L, 4L, "Renamed"), (reverted.Project.Version, reverted.Project.StateVersion, reverted.Project.Title));
        Assert.Null(JsonEquivalence.FindDifference(LargeState(4), Format(reverted.Project.EditorState)));
        Assert.Null(JsonEquivalence.FindDifference(LargeState(4, movedItem: 0, start: 3), Format(middle.EditorState)));
        var latest = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = id })).Project;
        Assert.Null(JsonEquivalence.FindDifference(LargeState(4), Format(latest.EditorState)));
    }

    [Fact]
    public async Task RevertingToTheCurrentStateIsANoOpThatSaysSo()
    {
        var id = await CreateAsync();
        await Sync(id, LargeState(4, movedItem: 0, start: 3));
        await Sync(id, LargeState(4));

        var revert = await Projects.RevertProjectAsync(new RevertProjectRequest { ProjectId = id, Version = 1 });

        Assert.True(revert.Unchanged);
        Assert.Equal((3L, 3L), (revert.Project.Version, revert.Project.StateVersion));
        Assert.Null(JsonEquivalence.FindDifference(LargeState(4), Format(revert.Project.EditorState)));
    }

    [Fact]
    public async Task RevertRefusesStaleVersionsMissingVersionsAndBadRequests()
    {
        var id = await CreateAsync();
        await Sync(id, LargeState(4, movedItem: 0, start: 3));
        await Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = id, Title = "Renamed" } });
        var unknown = Guid.NewGuid().ToString();

        async Task<RpcException> Revert(RevertProjectRequest request) =>
            await Assert.ThrowsAsync<RpcException>(() => Projects.RevertProjectAsync(request));

        AssertStaleState(await Revert(new RevertProjectRequest { ProjectId = id, Version = 1, ExpectedStateVersion = 1 }), id,
            expectedStateVersion: 1, currentStateVersion: 2, currentVersion: 3);
        AssertVersionNotFound(await Revert(new RevertProjectRequest { ProjectId = id, Version = 4 }), id, 4, currentVersion: 3);
        AssertInvalid(await Revert(new RevertProjectRequest { ProjectId = id }), "INVALID_REQUEST", "version");
        AssertInvalid(await Revert(new RevertProjectRequest { ProjectId = id, Version = 1, ExpectedStateVersion = -1 }), "INVALID_REQUEST", "expected_state_version");
        AssertProjectNotFound(await Revert(new RevertProjectRequest { ProjectId = unknown, Version = 1 }), unknown);
        Assert.Equal(3L, (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = id, View = ProjectView.Basic })).Project.Version);
    }

    [Fact]
    public async Task ClonesTheLatestVersionRecordingTheSource()
    {
        var id = await CreateAsync();
        await Sync(id, LargeState(4, movedItem: 2, start: 9));

        var clone = (await Projects.CloneProjectAsync(new CloneProjectRequest { ProjectId = id })).Project;
        var history = await Projects.ListProjectHistoryAsync(new ListProjectHistoryRequest { ProjectId = clone.Id });

        Assert.NotEqual(id, clone.Id);
        Assert.Equal(("Draft (copy)", "about", "work", 1L, 1L), (clone.Title, clone.Description, clone.FolderId, clone.Version, clone.StateVersion));
        Assert.Equal((id, 2L), (clone.ClonedFrom.ProjectId, clone.ClonedFrom.Version));
        Assert.Null(JsonEquivalence.FindDifference(LargeState(4, movedItem: 2, start: 9), Format(clone.EditorState)));
        var created = Assert.Single(history.Events);
        Assert.Equal($"cloned from {id} v2", created.Summary);
        Assert.Equal((id, 2L), (created.ClonedFrom.ProjectId, created.ClonedFrom.Version));
        var read = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = clone.Id })).Project;
        Assert.Equal(clone.ClonedFrom, read.ClonedFrom);
    }

    [Fact]
    public async Task ClonesAnEarlierVersionWithOverridesAndShortensLongCopyTitles()
    {
        var id = (await Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = new string('t', 128), EditorState = Parse(LargeState(4)) },
        })).Project.Id;
        await Sync(id, LargeState(4, movedItem: 2, start: 9));

        var clone = (await Projects.CloneProjectAsync(new CloneProjectRequest
        {
            ProjectId = id, Version = 1, Description = "new", FolderId = "elsewhere",
        })).Project;
        var named = (await Projects.CloneProjectAsync(new CloneProjectRequest { ProjectId = id, Version = 1, Title = "Named" })).Project;

        Assert.Equal(new string('t', 121) + " (copy)", clone.Title);
        Assert.Equal(("new", "elsewhere", 1L), (clone.Description, clone.FolderId, clone.ClonedFrom.Version));
        Assert.Null(JsonEquivalence.FindDifference(LargeState(4), Format(clone.EditorState)));
        Assert.Equal("Named", named.Title);
    }

    [Fact]
    public async Task CloneRefusesMissingVersionsAndBadRequests()
    {
        var id = await CreateAsync();
        var unknown = Guid.NewGuid().ToString();

        async Task<RpcException> Clone(CloneProjectRequest request) =>
            await Assert.ThrowsAsync<RpcException>(() => Projects.CloneProjectAsync(request));

        AssertVersionNotFound(await Clone(new CloneProjectRequest { ProjectId = id, Version = 2 }), id, 2, currentVersion: 1);
        AssertInvalid(await Clone(new CloneProjectRequest { ProjectId = id, Version = -1 }), "INVALID_REQUEST", "version");
        AssertInvalid(await Clone(new CloneProjectRequest { ProjectId = id, Title = new string('t', 129), FolderId = "a/b" }),
            "INVALID_REQUEST", "title", "folder_id");
        AssertInvalid(await Clone(new CloneProjectRequest { ProjectId = "bad" }), "INVALID_REQUEST", "project_id");
        AssertProjectNotFound(await Clone(new CloneProjectRequest { ProjectId = unknown }), unknown);
    }

    private async Task<string> CreateAsync(string? editorState = null) =>
        (await Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = "Draft", Description = "about", FolderId = "work", EditorState = Parse(editorState ?? LargeState(4)) },
        })).Project.Id;

    private Task<SyncProjectResponse> Sync(string id, string state) =>
        Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(state) });
}
