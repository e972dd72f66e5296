using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Npgsql;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>
/// A sync diffs against the previous state a server keeps parsed in memory. These tests make that copy wrong for the
/// database (a write that rolled back, another instance's write) and check every version still reads back exactly.
/// </summary>
public sealed class ProjectStateCacheTests
{
    private const int MovedItem = 2;

    [Fact]
    public async Task ASyncThatRolledBackAfterStoringItsStateIsNotTheBaseOfTheNextPatch()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        await using var database = NpgsqlDataSource.Create(server.ConnectionString!);
        // The idempotency record is the last write of a sync's transaction: failing it rolls back a stored state.
        await ExecuteAsync(database, """
            CREATE FUNCTION refuse_doomed_key() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.idempotency_key = 'doomed' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_doomed_key BEFORE INSERT ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION refuse_doomed_key();
            """);
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        var id = (await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(6, MovedItem, 0)) } }))
            .Project.Id;

        await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(7, MovedItem, 1)) });
        await Assert.ThrowsAsync<RpcException>(() => projects.SyncProjectAsync(
            new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(9, MovedItem, 99)) },
            new CallOptions { Headers = new Metadata { { "idempotency-key", "doomed" } } }));
        var third = await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = Parse(LargeState(8, MovedItem, 3)) });

        Assert.Equal(3L, third.StateVersion);
        await AssertVersionsReadBackAsync(projects, id, (1, 6, 0), (2, 7, 1), (3, 8, 3));
    }

    [Fact]
    public async Task SyncsAlternatingBetweenTwoInstancesPatchFromTheStateTheOtherOneStored()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        string[] configuration = ["--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", $"--Database:ConnectionString={connectionString}"];
        await using var first = await RunningServer.StartAsync(configuration);
        await using var second = await RunningServer.StartAsync(configuration);
        using var firstConnection = first.Connect();
        using var secondConnection = second.Connect();
        ProjectServiceClient[] instances = [new(firstConnection), new(secondConnection)];
        var id = (await instances[0].CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(LargeState(4, MovedItem, 0)) } }))
            .Project.Id;

        // Each instance's own last state is always one version behind when its turn comes again; every sync adds an item.
        for (var sync = 1; sync <= 6; sync++)
        {
            await instances[sync % 2].SyncProjectAsync(new SyncProjectRequest
            {
                ProjectId = id, EditorState = Parse(LargeState(4 + sync, MovedItem, sync * 1000)), ExpectedStateVersion = sync,
            });
        }

        await AssertVersionsReadBackAsync(instances[0], id, Enumerable.Range(0, 7).Select(sync => ((long)sync + 1, 4 + sync, sync * 1000L)).ToArray());
    }

    /// <summary>
    /// Each version, rebuilt from the stored snapshot and patches, is the state that was sent: the given number of
    /// items and start of the moved item. A patch taken against another state than the stored one breaks this.
    /// </summary>
    private static async Task AssertVersionsReadBackAsync(ProjectServiceClient projects, string id,
        params (long Version, int Items, long Start)[] expected)
    {
        foreach (var (version, items, start) in expected)
        {
            var read = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = id, Version = version })).Project;
            Assert.Null(JsonEquivalence.FindDifference(LargeState(items, MovedItem, start), Format(read.EditorState)));
        }
        var latest = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = id })).Project;
        Assert.Null(JsonEquivalence.FindDifference(LargeState(expected[^1].Items, MovedItem, expected[^1].Start), Format(latest.EditorState)));
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
