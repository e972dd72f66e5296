using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Microsoft.Extensions.Options;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>SyncProject's per-project rate limit through the real server: the status, the reason and a RetryInfo clients can use.</summary>
public sealed class SyncRateLimitTests
{
    [Fact]
    public async Task ABurstPastTheLimitIsRefusedWithRetryInfoAndStoresNothing()
    {
        // Three syncs at once, then one every 100 s: the fourth sync of the burst must wait about 100 s.
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            "--Projects:SyncRate:Burst=3", "--Projects:SyncRate:RatePerSecond=0.01");
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        var project = (await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(4)) } })).Project;
        for (var sync = 1; sync <= 3; sync++)
        {
            await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(4, 1, sync)) });
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = project.Id, EditorState = Parse(LargeState(4, 1, 4)),
        }));

        Assert.Equal((StatusCode.ResourceExhausted, "PROJECT_SYNC_RATE_LIMITED"), (error.StatusCode, error.Reason));
        Assert.Equal("grpcexports.dev", error.ErrorInfo!.Domain);
        Assert.Equal(project.Id, error.ErrorInfo.Metadata["projectId"]);
        Assert.Equal("0.01", error.ErrorInfo.Metadata["ratePerSecond"]);
        Assert.Equal("3", error.ErrorInfo.Metadata["burst"]);
        Assert.InRange(error.RetryInfo!.RetryDelay.ToTimeSpan(), TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(100));
        var latest = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id })).Project;
        Assert.Equal(4L, latest.Version);
        Assert.Null(JsonEquivalence.FindDifference(LargeState(4, 1, 3), Format(latest.EditorState)));

        var other = (await projects.CreateProjectAsync(new CreateProjectRequest())).Project;
        await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = other.Id, EditorState = Parse(LargeState(4)) });
    }

    [Fact]
    public async Task AReplayedRetryTakesNoTokenButANewSyncStillDoes()
    {
        // One sync at once, then one every 100 s: the first sync empties the bucket.
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            "--Projects:SyncRate:Burst=1", "--Projects:SyncRate:RatePerSecond=0.01");
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        var project = (await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(4)) } })).Project;
        var sync = new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(4, 1, 1)) };
        var key = new CallOptions { Headers = new Metadata { { "idempotency-key", "sync-" + project.Id } } };

        var first = await projects.SyncProjectAsync(sync, key);
        var retries = new List<SyncProjectResponse>();
        for (var retry = 0; retry < 3; retry++)
        {
            retries.Add(await projects.SyncProjectAsync(sync, key));
        }
        var next = await Assert.ThrowsAsync<RpcException>(() => projects.SyncProjectAsync(
            new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(4, 1, 2)) },
            new CallOptions { Headers = new Metadata { { "idempotency-key", "next-" + project.Id } } }));

        Assert.All(retries, retry => Assert.Equal(first, retry));
        Assert.Equal((StatusCode.ResourceExhausted, "PROJECT_SYNC_RATE_LIMITED"), (next.StatusCode, next.Reason));
        Assert.Equal(2L, (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, View = ProjectView.Basic })).Project.Version);
    }

    [Fact]
    public async Task TheDefaultLimitLetsAnEditorSaveThirtyTimesInARow()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        var project = (await projects.CreateProjectAsync(new CreateProjectRequest())).Project;

        // The default bucket holds 30: an editor saving on every change of a quick drag gets through without waiting.
        for (var sync = 1; sync <= 30; sync++)
        {
            await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(2, 0, sync)) });
        }
        Assert.Equal(31L, (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, View = ProjectView.Basic })).Project.Version);
    }

    [Fact]
    public async Task AServerWithAnUnusableLimitDoesNotStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningServer.StartAsync(
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Projects:SyncRate:RatePerSecond=0"));

        Assert.Contains("Projects:SyncRate:RatePerSecond must be a number above 0", error.Message);
    }
}
