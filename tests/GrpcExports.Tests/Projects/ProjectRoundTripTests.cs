using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>CreateProject, GetProject and SyncProject against the real server: documents come back as they were saved.</summary>
public sealed class ProjectRoundTripTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();

    private ProjectServiceClient Projects => new(_connection);

    public void Dispose() => _connection.Dispose();

    public static TheoryData<string> ValidDocuments() => new(ValidCorpusNames());

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public async Task EveryValidCorpusDocumentIsCreatedSyncedAndReadBackUnchanged(string name)
    {
        var json = CorpusJson(name);

        var created = (await Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = name, EditorState = Parse(json) },
        })).Project;
        var read = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = created.Id })).Project;

        Assert.Equal((1L, 1L), (created.Version, created.StateVersion));
        Assert.Null(JsonEquivalence.FindDifference(json, Format(created.EditorState)));
        Assert.Null(JsonEquivalence.FindDifference(json, Format(read.EditorState)));

        var blank = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = "target" } });
        var synced = await Projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = blank.Project.Id, EditorState = Parse(json), ExpectedStateVersion = 1,
        });
        var latest = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = blank.Project.Id })).Project;
        var first = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = blank.Project.Id, Version = 1 })).Project;

        Assert.Equal((2L, 2L, false), (synced.Version, synced.StateVersion, synced.Unchanged));
        Assert.True(synced.StoredBytes > 0);
        Assert.Equal((2L, 2L), (latest.Version, latest.StateVersion));
        Assert.Null(JsonEquivalence.FindDifference(json, Format(latest.EditorState)));
        Assert.Equal(1L, first.Version);
        Assert.Null(JsonEquivalence.FindDifference(Format(blank.Project.EditorState), Format(first.EditorState)));
    }

    [Fact]
    public async Task CreatesABlankProjectWithDefaults()
    {
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest())).Project;

        Assert.True(Guid.TryParse(project.Id, out _));
        Assert.Equal("Untitled project", project.Title);
        Assert.Equal(1920, project.EditorState.Fields["compositionWidth"].NumberValue);
        Assert.Single(project.EditorState.Fields["tracks"].ListValue.Values);
        Assert.Equal(TestApiKeys.TestUserId, project.OwnerId);
        Assert.True(project.EditorStateSizeBytes > 0);
        Assert.Equal(project.CreateTime, project.UpdateTime);
    }

    [Fact]
    public async Task SyncingTheSameStateAppendsNothing()
    {
        var json = LargeState(itemCount: 5);
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(json) } })).Project;

        var sync = await Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(json) });
        var read = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, View = ProjectView.Basic })).Project;

        Assert.True(sync.Unchanged);
        Assert.Equal((1L, 1L, 0L), (sync.Version, sync.StateVersion, sync.StoredBytes));
        Assert.Equal(project.StateUpdateTime, sync.UpdateTime);
        Assert.Equal(1L, read.Version);
        Assert.Null(read.EditorState);
    }

    [Fact]
    public async Task ReadsAPastVersionByTime()
    {
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(3)) } })).Project;
        var sync = await Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(3, 1, 7)) });
        await Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(3, 1, 8)) });

        var atSecond = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, AsOfTime = sync.UpdateTime })).Project;

        Assert.Equal((2L, 2L), (atSecond.Version, atSecond.StateVersion));
        Assert.Null(JsonEquivalence.FindDifference(LargeState(3, 1, 7), Format(atSecond.EditorState)));
        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.GetProjectAsync(new GetProjectRequest
        {
            ProjectId = project.Id, AsOfTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(project.CreateTime.ToDateTimeOffset().AddDays(-1)),
        }));
        Assert.Equal((StatusCode.NotFound, "PROJECT_VERSION_NOT_FOUND"), (error.StatusCode, error.Reason));
    }
}
