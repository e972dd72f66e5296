using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Npgsql;
using Xunit.Abstractions;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>
/// Autosave storage at scale: 1,000 syncs of a ~100 KB state, each moving one item, store patches plus a snapshot
/// every 50 versions; any version reads back exactly; the latest read touches only the projection.
/// </summary>
public sealed class ProjectAutosaveStorageTests(ITestOutputHelper output)
{
    private const int Syncs = 1000;
    private const int Items = 140;
    private const int MovedItem = 7;

    [Fact]
    public async Task ThousandSyncsStoreAtMostThreePercentOfFullStatesAndEveryVersionReadsBackExactly()
    {
        // Back-to-back syncs far beyond an editor's pace: the per-project rate limit is opened up for them.
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", $"--Projects:SyncRate:Burst={Syncs}");
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        var project = (await projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = Parse(LargeState(Items, MovedItem, 0)) },
        })).Project;
        var stateVersion = project.StateVersion;
        for (var sync = 1; sync <= Syncs; sync++)
        {
            var response = await projects.SyncProjectAsync(new SyncProjectRequest
            {
                ProjectId = project.Id, EditorState = Parse(LargeState(Items, MovedItem, sync)), ExpectedStateVersion = stateVersion,
            });
            stateVersion = response.StateVersion;
        }

        await using var database = NpgsqlDataSource.Create(server.ConnectionString!);
        var fullStateBytes = await ScalarAsync<long>(database, "SELECT octet_length(editor_state::text)::bigint FROM projects WHERE project_id = @id", project.Id);
        var syncBytes = await ScalarAsync<long>(database,
            "SELECT sum(octet_length(data::text))::bigint FROM events WHERE stream_id = @id AND version > 1", project.Id);
        var snapshots = await ScalarAsync<long>(database, "SELECT count(*) FROM project_snapshots WHERE project_id = @id", project.Id);
        var ratio = (double)syncBytes / (Syncs * (double)fullStateBytes);
        output.WriteLine($"state {fullStateBytes} B; {Syncs} syncs stored {syncBytes} B = {ratio:P2} of {Syncs * fullStateBytes} B; {snapshots} full states");

        Assert.InRange(fullStateBytes, 90_000, 140_000);
        Assert.True(ratio <= 0.03, $"{ratio:P2}");
        Assert.Equal(Syncs + 1L, stateVersion);
        Assert.Equal(21L, snapshots);
        foreach (var version in new long[] { 1, 2, 50, 51, 52, 500, 1000, 1001 })
        {
            var read = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, Version = version })).Project;
            Assert.Equal((version, version), (read.Version, read.StateVersion));
            Assert.Null(JsonEquivalence.FindDifference(LargeState(Items, MovedItem, version - 1), Format(read.EditorState)));
        }
    }

    [Fact]
    public async Task GetProjectReadsTheLatestStateWithoutTouchingTheEventTables()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Projects:SnapshotEvery=5");
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        var project = (await projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = Parse(LargeState(10, 1, 0)) },
        })).Project;
        for (var sync = 1; sync <= 20; sync++)
        {
            await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = Parse(LargeState(10, 1, sync)) });
        }
        await using var database = NpgsqlDataSource.Create(server.ConnectionString!);
        Assert.Equal(5L, await ScalarAsync<long>(database, "SELECT count(*) FROM project_snapshots WHERE project_id = @id", project.Id));

        // With the event tables out of reach, the latest read must still work: it reads the projection only.
        await ExecuteAsync(database, "ALTER TABLE events RENAME TO events_hidden; ALTER TABLE event_streams RENAME TO event_streams_hidden");
        try
        {
            var latest = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id })).Project;
            var basic = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, View = ProjectView.Basic })).Project;
            await Assert.ThrowsAsync<RpcException>(() => projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, Version = 3 }));

            Assert.Equal((21L, 21L), (latest.Version, latest.StateVersion));
            Assert.Null(JsonEquivalence.FindDifference(LargeState(10, 1, 20), Format(latest.EditorState)));
            Assert.Equal(21L, basic.Version);
        }
        finally
        {
            await ExecuteAsync(database, "ALTER TABLE events_hidden RENAME TO events; ALTER TABLE event_streams_hidden RENAME TO event_streams");
        }
        var third = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, Version = 3 })).Project;
        Assert.Null(JsonEquivalence.FindDifference(LargeState(10, 1, 2), Format(third.EditorState)));
    }

    [Fact]
    public async Task ListProjectsReadsTheProjectionWithoutTouchingTheEventTables()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        for (var i = 0; i < 3; i++)
        {
            await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = $"listed {i}", FolderId = "hidden-events" } });
        }
        await using var database = NpgsqlDataSource.Create(server.ConnectionString!);

        await ExecuteAsync(database, "ALTER TABLE events RENAME TO events_hidden; ALTER TABLE event_streams RENAME TO event_streams_hidden");
        try
        {
            var first = await projects.ListProjectsAsync(new ListProjectsRequest { FolderId = "hidden-events", PageSize = 2, View = ProjectView.Full });
            var second = await projects.ListProjectsAsync(new ListProjectsRequest
            {
                FolderId = "hidden-events", PageSize = 2, View = ProjectView.Full, PageToken = first.NextPageToken,
            });

            Assert.Equal(["listed 2", "listed 1", "listed 0"], first.Projects.Concat(second.Projects).Select(p => p.Title));
        }
        finally
        {
            await ExecuteAsync(database, "ALTER TABLE events_hidden RENAME TO events; ALTER TABLE event_streams_hidden RENAME TO event_streams");
        }
    }

    [Fact]
    public async Task RevertsStoreAPatchOrASnapshotLikeSyncsAndEveryVersionStillReadsBack()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Projects:SnapshotEvery=3");
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        var id = (await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(10, 1, 0)) } })).Project.Id;
        var expected = new Dictionary<long, string> { [1] = LargeState(10, 1, 0) };
        for (var sync = 1; sync <= 4; sync++)
        {
            await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(10, 1, sync)) });
            expected[1 + sync] = LargeState(10, 1, sync);
        }
        await projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = id, Title = "renamed" } });
        expected[6] = expected[5];
        for (var revert = 7; revert <= 9; revert++)
        {
            var target = revert - 5;
            await projects.RevertProjectAsync(new RevertProjectRequest { ProjectId = id, Version = target });
            expected[revert] = expected[target];
        }
        await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(10, 1, 99)) });
        expected[10] = LargeState(10, 1, 99);

        await using var database = NpgsqlDataSource.Create(server.ConnectionString!);
        Assert.Equal(1L + 3, await ScalarAsync<long>(database, "SELECT count(*) FROM project_snapshots WHERE project_id = @id", id));
        Assert.Equal(1L, await ScalarAsync<long>(database,
            "SELECT count(*) FROM events WHERE stream_id = @id AND event_type = 'ProjectReverted' AND data->'snapshot' IS NOT NULL", id));
        foreach (var (version, state) in expected)
        {
            var read = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = id, Version = version })).Project;
            Assert.Null(JsonEquivalence.FindDifference(state, Format(read.EditorState)));
        }
    }

    [Fact]
    public async Task DeleteKeepsTheEventsAndTheProjectionRow()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        var id = (await projects.CreateProjectAsync(new CreateProjectRequest())).Project.Id;
        await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(3)) });

        var deleted = await projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = id });

        await using var database = NpgsqlDataSource.Create(server.ConnectionString!);
        Assert.Equal(3L, await ScalarAsync<long>(database, "SELECT count(*) FROM events WHERE stream_id = @id", id));
        Assert.Equal("ProjectDeleted", await ScalarAsync<string>(database, "SELECT event_type FROM events WHERE stream_id = @id AND version = 3", id));
        Assert.Equal(deleted.DeleteTime.ToDateTime(),
            await ScalarAsync<DateTime>(database, "SELECT deleted_at FROM projects WHERE project_id = @id", id));
        Assert.Equal(3L, await ScalarAsync<long>(database, "SELECT version FROM projects WHERE project_id = @id", id));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource database, string sql, string projectId)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", Guid.Parse(projectId)));
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
