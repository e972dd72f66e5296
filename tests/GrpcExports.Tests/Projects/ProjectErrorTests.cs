using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Projects.ProjectAssertions;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>The errors of CreateProject, GetProject and SyncProject, with their reasons, metadata and field violations.</summary>
public sealed class ProjectErrorTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();

    private ProjectServiceClient Projects => new(_connection);

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task RefusesATitleLongerThan128Characters()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = new string('t', 129) },
        }));

        AssertInvalid(error, "INVALID_REQUEST", "project.title");
        await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = new string('t', 128) } });
    }

    [Fact]
    public async Task RefusesABadFolderAndALongDescriptionTogether()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { FolderId = "a/b", Description = new string('d', 2001) },
        }));

        AssertInvalid(error, "INVALID_REQUEST", "project.description", "project.folder_id");
    }

    [Theory]
    [InlineData("before\0after")]
    [InlineData("bell\a")]
    public async Task RefusesControlCharactersInADescriptionButKeepsLineBreaksAndTabs(string description)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Description = description },
        }));
        var kept = (await Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Description = "first line\r\nsecond\tline" },
        })).Project;

        AssertInvalid(error, "INVALID_REQUEST", "project.description");
        Assert.Equal("first line\r\nsecond\tline", kept.Description);
    }

    [Fact]
    public async Task RefusesADocumentThatCannotBeStoredAndStoresNothing()
    {
        var document = Parse(LargeState(1));
        document.Fields["items"].StructValue.Fields["item-0"].StructValue.Fields["volume"] = Value.ForNumber(double.NaN);
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest())).Project;

        var create = await Assert.ThrowsAsync<RpcException>(() => Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = document },
        }));
        var sync = await Assert.ThrowsAsync<RpcException>(() => Projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = project.Id, EditorState = document,
        }));

        AssertInvalid(create, "INVALID_EDITOR_STATE", "project.editor_state/items/item-0/volume");
        AssertInvalid(sync, "INVALID_EDITOR_STATE", "editor_state/items/item-0/volume");
        Assert.Equal("1", sync.ErrorInfo!.Metadata["violationCount"]);
        Assert.Equal(1L, (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id })).Project.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    public async Task RefusesProjectIdsThatAreNotUuids(string projectId)
    {
        var get = await Assert.ThrowsAsync<RpcException>(() => Projects.GetProjectAsync(new GetProjectRequest { ProjectId = projectId }));
        var sync = await Assert.ThrowsAsync<RpcException>(() => Projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = projectId, EditorState = Parse("{}"),
        }));

        AssertInvalid(get, "INVALID_REQUEST", "project_id");
        AssertInvalid(sync, "INVALID_REQUEST", "project_id");
    }

    [Fact]
    public async Task RefusesASyncWithoutADocument()
    {
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest())).Project;

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id }));

        AssertInvalid(error, "INVALID_REQUEST", "editor_state");
    }

    [Fact]
    public async Task AnswersNotFoundForAnUnknownProject()
    {
        var projectId = Guid.NewGuid().ToString();

        var get = await Assert.ThrowsAsync<RpcException>(() => Projects.GetProjectAsync(new GetProjectRequest { ProjectId = projectId }));
        var sync = await Assert.ThrowsAsync<RpcException>(() => Projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = projectId, EditorState = Parse(LargeState(1)),
        }));

        AssertProjectNotFound(get, projectId);
        AssertProjectNotFound(sync, projectId);
    }

    [Fact]
    public async Task AnswersVersionNotFoundBeyondTheCurrentVersion()
    {
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest())).Project;

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, Version = 2 }));

        AssertVersionNotFound(error, project.Id, version: 2, currentVersion: 1);
    }

    [Fact]
    public async Task RefusesVersionAndTimeTogether()
    {
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest())).Project;

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.GetProjectAsync(new GetProjectRequest
        {
            ProjectId = project.Id, Version = 1, AsOfTime = project.CreateTime,
        }));

        AssertInvalid(error, "INVALID_REQUEST", "as_of_time");
    }

    [Fact]
    public async Task AStaleExpectedStateVersionIsAbortedWithBothVersionsAndStoresNothing()
    {
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(2)) } })).Project;
        await Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(2, 0, 5)), ExpectedStateVersion = 1 });

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = project.Id, EditorState = Parse(LargeState(2, 0, 6)), ExpectedStateVersion = 1,
        }));

        AssertStaleState(error, project.Id, expectedStateVersion: 1, currentStateVersion: 2, currentVersion: 2);
        var latest = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id })).Project;
        Assert.Equal(2L, latest.StateVersion);
        Assert.Null(JsonEquivalence.FindDifference(LargeState(2, 0, 5), Format(latest.EditorState)));
    }

    [Fact]
    public async Task OfTwoConcurrentSyncsWithTheSameExpectedVersionExactlyOneSucceeds()
    {
        for (var round = 0; round < 10; round++)
        {
            var project = (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(20)) } })).Project;
            using var other = server.Connect();
            var first = Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(20, 3, 1)), ExpectedStateVersion = 1 });
            var second = new ProjectServiceClient(other).SyncProjectAsync(new SyncProjectRequest
            {
                ProjectId = project.Id, EditorState = Parse(LargeState(20, 4, 1)), ExpectedStateVersion = 1,
            });

            var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

            Assert.Single(outcomes, o => o == "OK");
            Assert.Single(outcomes, o => o == "ABORTED STALE_STATE_VERSION");
            Assert.Equal(2L, (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, View = ProjectView.Basic })).Project.Version);
        }
    }

    private static async Task<string> Outcome(Task<SyncProjectResponse> sync)
    {
        try
        {
            await sync;
            return "OK";
        }
        catch (RpcException e)
        {
            return $"{e.StatusCode.ToString().ToUpperInvariant()} {e.Reason}";
        }
    }
}
