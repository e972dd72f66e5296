using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Npgsql;
using Xunit.Abstractions;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>
/// Crash safety of autosave: the server process is SIGKILLed at a random point of a burst of syncs, restarted on the
/// same database, and every acknowledged sync must be there, the projection must agree with the event stream, and
/// the versions must have no gaps. Several cycles, several projects synced at once.
/// </summary>
public sealed class SyncCrashTests(ITestOutputHelper output)
{
    private const int Items = 60;
    private const int ProjectCount = 3;
    private const int Cycles = 4;

    [Fact]
    public async Task EveryAcknowledgedSyncSurvivesAKillNineInTheMiddleOfABurst()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        string[] configuration =
        [
            $"--Database:ConnectionString={connectionString}",
            "--Projects:SnapshotEvery=7",
            "--Projects:SyncRate:Burst=1000000",
        ];

        ServerProcess? server = await ServerProcess.StartAsync(configuration);
        try
        {
            var writers = new List<Writer>();
            using (var connection = server.Connect())
            {
                var projects = new ProjectServiceClient(connection);
                for (var p = 0; p < ProjectCount; p++)
                {
                    var created = (await projects.CreateProjectAsync(new CreateProjectRequest
                    {
                        Project = new Project { EditorState = Parse(Writer.State(p, 0)) },
                    })).Project;
                    writers.Add(new Writer(Guid.Parse(created.Id), p));
                }
            }
            for (var cycle = 1; cycle <= Cycles; cycle++)
            {
                var killAfter = random.Next(5, 60);
                var acknowledged = await BurstAndKillAsync(server, writers, killAfter);
                output.WriteLine($"cycle {cycle}: killed after {acknowledged} acknowledged syncs; versions acknowledged "
                    + string.Join(", ", writers.Select(w => w.AcknowledgedVersion)));

                await server.DisposeAsync();
                server = null;
                server = await ServerProcess.StartAsync(configuration);
                using var connection = server.Connect();
                await using var database = NpgsqlDataSource.Create(connectionString);
                foreach (var writer in writers)
                {
                    await writer.AssertStoredAsync(new ProjectServiceClient(connection), database);
                }
            }
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Every writer syncs its project in a loop; the server is SIGKILLed once <paramref name="killAfter"/> syncs were acknowledged.</summary>
    private static async Task<int> BurstAndKillAsync(ServerProcess server, IReadOnlyList<Writer> writers, int killAfter)
    {
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        foreach (var writer in writers)
        {
            await writer.CatchUpAsync(projects);
        }
        var acknowledged = 0;
        var killing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bursts = writers.Select(writer => writer.BurstAsync(projects, () =>
        {
            if (Interlocked.Increment(ref acknowledged) == killAfter)
            {
                killing.TrySetResult();
            }
        })).ToList();
        await Task.WhenAny(killing.Task, Task.WhenAll(bursts));
        Assert.True(killing.Task.IsCompleted, $"A burst ended before the kill:\n{server.Output}");
        foreach (var writer in writers)
        {
            writer.Killed = true;
        }
        await server.KillAsync();
        await Task.WhenAll(bursts);
        Assert.All(writers, writer => Assert.Null(writer.UnexpectedFailure));
        return acknowledged;
    }

    /// <summary>
    /// Syncs one project in a loop, each sync moving the writer's item to the next position, with the acknowledged
    /// state version as the expected one; remembers every acknowledged (version, position).
    /// </summary>
    private sealed class Writer(Guid projectId, int movedItem)
    {
        private readonly Dictionary<long, long> _acknowledged = new() { [1] = 0 };
        private long? _inFlight;

        public volatile bool Killed;

        public long AcknowledgedVersion { get; private set; } = 1;

        public string? UnexpectedFailure { get; private set; }

        private long Position => _acknowledged[AcknowledgedVersion];

        public async Task BurstAsync(ProjectServiceClient projects, Action acknowledged)
        {
            while (true)
            {
                var next = Position + 1;
                _inFlight = next;
                try
                {
                    var response = await projects.SyncProjectAsync(new SyncProjectRequest
                    {
                        ProjectId = projectId.ToString(), EditorState = Parse(State(movedItem, next)), ExpectedStateVersion = AcknowledgedVersion,
                    });
                    if (response.StateVersion != AcknowledgedVersion + 1)
                    {
                        UnexpectedFailure = $"sync {next} acknowledged as version {response.StateVersion} after {AcknowledgedVersion}";
                        return;
                    }
                    _inFlight = null;
                    _acknowledged[response.StateVersion] = next;
                    AcknowledgedVersion = response.StateVersion;
                    acknowledged();
                }
                catch (RpcException e)
                {
                    if (!Killed)
                    {
                        UnexpectedFailure = $"sync {next} failed before the kill: {e.StatusCode} {e.Reason} {e.Message}";
                    }
                    return;
                }
            }
        }

        /// <summary>After a restart: the sync that was in flight at the kill may have been stored without its answer arriving.</summary>
        public async Task CatchUpAsync(ProjectServiceClient projects)
        {
            var latest = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = projectId.ToString() })).Project;
            if (latest.StateVersion == AcknowledgedVersion + 1 && _inFlight is { } landed)
            {
                Assert.Null(JsonEquivalence.FindDifference(State(movedItem, landed), Format(latest.EditorState)));
                _acknowledged[latest.StateVersion] = landed;
                AcknowledgedVersion = latest.StateVersion;
            }
            _inFlight = null;
            Killed = false;
        }

        public async Task AssertStoredAsync(ProjectServiceClient projects, NpgsqlDataSource database)
        {
            var latest = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = projectId.ToString() })).Project;
            var lost = AcknowledgedVersion - latest.Version;
            Assert.True(lost <= 0, $"project {projectId}: {lost} acknowledged sync(s) lost (at version {latest.Version}, acknowledged {AcknowledgedVersion})");
            Assert.True(latest.Version <= AcknowledgedVersion + (_inFlight is null ? 0 : 1),
                $"project {projectId} is at version {latest.Version}, beyond the {AcknowledgedVersion} acknowledged and the one in flight");
            Assert.Equal(latest.Version, latest.StateVersion);

            // The projection's state is the state rebuilt from the events (nearest snapshot plus patches).
            var rebuilt = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = projectId.ToString(), Version = latest.Version })).Project;
            Assert.Null(JsonEquivalence.FindDifference(Format(rebuilt.EditorState), Format(latest.EditorState)));

            foreach (var (version, position) in _acknowledged)
            {
                var read = (await projects.GetProjectAsync(new GetProjectRequest { ProjectId = projectId.ToString(), Version = version })).Project;
                Assert.Null(JsonEquivalence.FindDifference(State(movedItem, position), Format(read.EditorState)));
            }

            await using var command = database.CreateCommand("""
                SELECT (SELECT count(*) FROM events WHERE stream_id = @id), (SELECT min(version) FROM events WHERE stream_id = @id),
                       (SELECT max(version) FROM events WHERE stream_id = @id), (SELECT version FROM event_streams WHERE stream_id = @id),
                       (SELECT version FROM projects WHERE project_id = @id), (SELECT state_version FROM projects WHERE project_id = @id)
                """);
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var counts = Enumerable.Range(0, 6).Select(reader.GetInt64).ToArray();
            Assert.Equal([latest.Version, 1, latest.Version, latest.Version, latest.Version, latest.Version], counts);
        }

        /// <summary>The writer's item placed after all the others, at a distinct position per sync (items on a track never overlap).</summary>
        public static string State(int movedItem, long position) => LargeState(Items, movedItem, (Items + position) * 240_000);
    }
}
