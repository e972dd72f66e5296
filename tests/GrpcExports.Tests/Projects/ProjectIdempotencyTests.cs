using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Projects.ProjectAssertions;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>
/// The `idempotency-key` header on every project write: a retry replays the first response without writing again
/// (also after a restart), the same key with another request is refused, and concurrent copies write once.
/// </summary>
public sealed class ProjectIdempotencyTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private readonly GrpcConnection _connection = server.Connect();

    private ProjectServiceClient Projects => new(_connection);

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task ARetriedCreateReturnsTheFirstProjectAndCreatesOnlyOne()
    {
        var folder = NewFolder();
        var request = new CreateProjectRequest { Project = new Project { Title = "once", FolderId = folder } };
        var key = WithKey(NewKey());

        var first = await Projects.CreateProjectAsync(request, key);
        var retry = await Projects.CreateProjectAsync(request, key);

        Assert.Equal(first, retry);
        Assert.Single((await Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = folder })).Projects);
    }

    [Fact]
    public async Task EveryWriteReplaysItsFirstResponseWithoutAppendingAgain()
    {
        var id = (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(3)) } })).Project.Id;

        async Task AssertReplayed<T>(Func<CallOptions, Task<T>> call, long expectedVersion)
        {
            var options = WithKey(NewKey());
            var first = await call(options);
            var retry = await call(options);
            Assert.Equal(first, retry);
            var history = await Projects.ListProjectHistoryAsync(new ListProjectHistoryRequest { ProjectId = id });
            Assert.Equal(expectedVersion, history.CurrentVersion);
        }

        await AssertReplayed(o => Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(3, 1, 4)), ExpectedStateVersion = 1 }, o), 2);
        await AssertReplayed(o => Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = id, Title = "renamed" } }, o), 3);
        await AssertReplayed(o => Projects.RevertProjectAsync(new RevertProjectRequest { ProjectId = id, Version = 1, ExpectedStateVersion = 2 }, o), 4);
        var clones = new List<string>();
        await AssertReplayed(async o =>
        {
            var clone = await Projects.CloneProjectAsync(new CloneProjectRequest { ProjectId = id, FolderId = "clones-" + id[..8] }, o);
            clones.Add(clone.Project.Id);
            return clone;
        }, 4);
        Assert.Single(clones.Distinct());
        Assert.Single((await Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = "clones-" + id[..8] })).Projects);
        var deleteKey = WithKey(NewKey());
        var deleted = await Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = id }, deleteKey);
        Assert.Equal(deleted, await Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = id }, deleteKey));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherRequestIsRefusedNamingTheHeader()
    {
        var key = NewKey();
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = "a" } }, WithKey(key))).Project;

        var otherPayload = await Assert.ThrowsAsync<RpcException>(() =>
            Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = "b" } }, WithKey(key)));
        var otherRpc = await Assert.ThrowsAsync<RpcException>(() =>
            Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = project.Id }, WithKey(key)));

        foreach (var error in new[] { otherPayload, otherRpc })
        {
            Assert.Equal((StatusCode.FailedPrecondition, "IDEMPOTENCY_KEY_REUSED"), (error.StatusCode, error.Reason));
            Assert.Equal(key, error.ErrorInfo!.Metadata["idempotencyKey"]);
            Assert.Equal("idempotency-key", error.ErrorInfo.Metadata["header"]);
        }
        Assert.Contains("CreateProject", otherRpc.Detail);
        Assert.Equal(1L, (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, View = ProjectView.Basic })).Project.Version);
    }

    [Fact]
    public async Task RefusesMalformedKeysAndWritesNothing()
    {
        var folder = NewFolder();

        foreach (var bad in new[] { "has space", new string('k', 129) })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => Projects.CreateProjectAsync(
                new CreateProjectRequest { Project = new Project { FolderId = folder } }, WithKey(bad)));
            AssertInvalid(error, "INVALID_REQUEST", "idempotency-key");
        }
        Assert.Empty((await Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = folder })).Projects);
    }

    [Fact]
    public async Task AFailedWriteRecordsNothingSoItsRetryRunsAgain()
    {
        var id = (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(3)) } })).Project.Id;
        var revert = new RevertProjectRequest { ProjectId = id, Version = 2 };
        var key = WithKey(NewKey());

        var missing = await Assert.ThrowsAsync<RpcException>(() => Projects.RevertProjectAsync(revert, key));
        await Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(3, 0, 9)) });
        await Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(3, 0, 10)) });
        var reverted = await Projects.RevertProjectAsync(revert, key);

        AssertVersionNotFound(missing, id, 2, currentVersion: 1);
        Assert.Equal((4L, false), (reverted.Project.Version, reverted.Unchanged));
    }

    [Fact]
    public async Task TwoConcurrentRequestsWithTheSameKeyWriteOnce()
    {
        for (var round = 0; round < 10; round++)
        {
            var folder = NewFolder();
            var request = new CreateProjectRequest { Project = new Project { Title = "raced", FolderId = folder, EditorState = Parse(LargeState(40)) } };
            var key = WithKey(NewKey());
            using var other = server.Connect();

            var outcomes = await Task.WhenAll(
                Outcome(Projects.CreateProjectAsync(request, key)),
                Outcome(new ProjectServiceClient(other).CreateProjectAsync(request, key))).WaitAsync(HangGuard);

            var created = (await Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = folder })).Projects;
            var project = Assert.Single(created);
            Assert.Contains(outcomes, o => o.Id == project.Id);
            Assert.All(outcomes, o => Assert.True(o.Id == project.Id || o.Error is (StatusCode.Aborted, "IDEMPOTENCY_KEY_IN_PROGRESS", true),
                $"unexpected outcome {o}"));
        }
    }

    [Fact]
    public async Task KeysSurviveARestart()
    {
        var folder = NewFolder();
        var request = new CreateProjectRequest { Project = new Project { Title = "durable", FolderId = folder } };
        var key = WithKey(NewKey());
        var first = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        CreateProjectResponse created;
        await using (first)
        {
            using var connection = first.Connect();
            created = await new ProjectServiceClient(connection).CreateProjectAsync(request, key);
        }

        await using var second = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            $"--Database:ConnectionString={first.ConnectionString}");
        using var again = second.Connect();
        var projects = new ProjectServiceClient(again);
        var replayed = await projects.CreateProjectAsync(request, key);

        Assert.Equal(created, replayed);
        Assert.Single((await projects.ListProjectsAsync(new ListProjectsRequest { FolderId = folder })).Projects);
    }

    private static async Task<(string? Id, (StatusCode, string?, bool)? Error)> Outcome(Task<CreateProjectResponse> call)
    {
        try
        {
            return ((await call).Project.Id, null);
        }
        catch (RpcException e)
        {
            return (null, (e.StatusCode, e.Reason, e.RetryInfo is not null));
        }
    }

    private static CallOptions WithKey(string key) => new() { Headers = new Metadata { { "idempotency-key", key } } };

    private static string NewKey() => "key-" + Guid.NewGuid().ToString("N");

    private static string NewFolder() => "f-" + Guid.NewGuid().ToString("N");
}
