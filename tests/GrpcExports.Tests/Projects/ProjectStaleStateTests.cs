using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Events;
using GrpcExports.Tests.Support;
using Npgsql;
using static GrpcExports.Tests.Projects.ProjectAssertions;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>
/// STALE_STATE_VERSION speaks the state versions clients send as expected_state_version, never the stream versions
/// of the event store, also when the conflict is found by the store's own version check.
/// </summary>
public sealed class ProjectStaleStateTests
{
    [Fact]
    public async Task ReportsTheStateVersionWhenMetadataEventsMovedTheStreamFurther()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        var id = (await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(2)) } })).Project.Id;
        await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(2, 0, 1)), ExpectedStateVersion = 1 });
        await projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = id, Title = "renamed" } });
        await projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = id, Title = "renamed again" } });

        var error = await Assert.ThrowsAsync<RpcException>(() => projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = id, EditorState = Parse(LargeState(2, 0, 2)), ExpectedStateVersion = 1,
        }));
        var current = await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(2, 0, 2)), ExpectedStateVersion = 2 });

        AssertStaleState(error, id, expectedStateVersion: 1, currentStateVersion: 2, currentVersion: 4);
        Assert.Equal((5L, 5L), (current.Version, current.StateVersion));
    }

    [Fact]
    public async Task AStreamMovedBehindTheProjectionIsAbortedInStateVersionsAndStoresNothing()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        var id = (await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(2)) } })).Project.Id;
        // A writer that appends to the project's stream without going through the projection row.
        await using (var dataSource = NpgsqlDataSource.Create(server.ConnectionString!))
        await using (var db = await dataSource.OpenConnectionAsync())
        await using (var transaction = await db.BeginTransactionAsync())
        {
            await new EventStore(dataSource).AppendAsync(transaction, Guid.Parse(id), "project", 1, [new NewEvent("Foreign", "{}")], EventMetadata.None);
            await transaction.CommitAsync();
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = id, EditorState = Parse(LargeState(2, 1, 3)), ExpectedStateVersion = 1,
        }));

        AssertStaleState(error, id, expectedStateVersion: 1, currentStateVersion: 1, currentVersion: 2);
        var project = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = id })).Project;
        Assert.Equal((1L, 1L), (project.Version, project.StateVersion));
        Assert.Null(JsonEquivalence.FindDifference(LargeState(2), Format(project.EditorState)));
    }
}
