using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Npgsql;
using Xunit.Abstractions;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>
/// Two server instances on one database, started together on a fresh one (their migrations race under the advisory
/// lock), then syncing one project through both at once with expected versions: no update is lost.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    private const int WritersPerInstance = 2;
    private const int SyncsPerWriter = 15;

    [Fact]
    public async Task ConcurrentSyncsThroughTwoInstancesLoseNoUpdateAndLeaveNoGap()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        string[] configuration =
        [
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", $"--Database:ConnectionString={connectionString}",
            "--Projects:SnapshotEvery=4", "--Projects:SyncRate:Burst=1000",
        ];
        var instances = await Task.WhenAll(RunningServer.StartAsync(configuration), RunningServer.StartAsync(configuration));
        await using var first = instances[0];
        await using var second = instances[1];
        var writerCount = 2 * WritersPerInstance;
        var connections = instances.Select(instance => instance.Connect()).ToList();
        try
        {
            var clients = connections.Select(connection => new ProjectServiceClient(connection)).ToList();
            var initial = LargeState(writerCount);
            var projectId = (await clients[0].CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(initial) } }))
                .Project.Id;

            // Writer w goes through instance w % 2 and adds 1 to the left of item-w, SyncsPerWriter times.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writers = Enumerable.Range(0, writerCount).Select(async writer =>
            {
                await start.Task;
                return await IncrementAsync(clients[writer % 2], projectId, writer);
            }).ToList();
            start.SetResult();
            var retries = await Task.WhenAll(writers);
            output.WriteLine($"stale-version retries per writer: {string.Join(", ", retries)}");

            var expectedVersion = 1L + writerCount * SyncsPerWriter;
            foreach (var client in clients)
            {
                var latest = (await client.GetProjectAsync(new GetProjectRequest { ProjectId = projectId })).Project;
                Assert.Equal((expectedVersion, expectedVersion), (latest.Version, latest.StateVersion));
                Assert.All(Enumerable.Range(0, writerCount), writer => Assert.Equal(SyncsPerWriter, Increments(latest.EditorState, writer)));
            }
            // Every version holds exactly one more increment than the one before: none was written over a stale state.
            for (var version = 1L; version <= expectedVersion; version++)
            {
                var past = (await clients[(int)(version % 2)].GetProjectAsync(new GetProjectRequest { ProjectId = projectId, Version = version })).Project;
                Assert.Equal(version - 1, Enumerable.Range(0, writerCount).Sum(writer => Increments(past.EditorState, writer)));
            }
            await using var database = NpgsqlDataSource.Create(connectionString);
            await using var command = database.CreateCommand(
                "SELECT count(*), min(version), max(version), count(DISTINCT version) FROM events WHERE stream_id = @id");
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", Guid.Parse(projectId)));
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal([expectedVersion, 1, expectedVersion, expectedVersion], Enumerable.Range(0, 4).Select(reader.GetInt64));
        }
        finally
        {
            connections.ForEach(connection => connection.Dispose());
        }
    }

    /// <summary>Read, change, sync with the read state version; on ABORTED STALE_STATE_VERSION read again. Returns the retries.</summary>
    private static async Task<int> IncrementAsync(ProjectServiceClient projects, string projectId, int writer)
    {
        var retries = 0;
        for (var done = 0; done < SyncsPerWriter;)
        {
            var current = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = projectId })).Project;
            var state = current.EditorState;
            Left(state, writer).NumberValue += 1;
            try
            {
                await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = projectId, EditorState = state, ExpectedStateVersion = current.StateVersion });
                done++;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Aborted && e.Reason == "STALE_STATE_VERSION")
            {
                retries++;
            }
        }
        return retries;
    }

    private static int Increments(Struct state, int writer) => (int)Left(state, writer).NumberValue - writer * 3;

    /// <summary>item-N's left value in <see cref="ProjectDocuments.LargeState"/>, which starts at N * 3.</summary>
    private static Value Left(Struct state, int writer) =>
        state.Fields["items"].StructValue.Fields[$"item-{writer}"].StructValue.Fields["left"].StructValue.Fields["value"];
}
