using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Npgsql;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>
/// Syncs one project in a loop, each sync moving the writer's item to the next position, with the acknowledged
/// state version as the expected one; remembers every acknowledged (version, position).
/// </summary>
internal sealed class AutosaveWriter(Guid projectId, int movedItem)
{
    private const int Items = 60;

    private readonly Dictionary<long, long> _acknowledged = new() { [1] = 0 };
    private long? _inFlight;

    public volatile bool Killed;

    public Guid ProjectId => projectId;

    public long AcknowledgedVersion { get; private set; } = 1;

    public string? UnexpectedFailure { get; private set; }

    private long Position => _acknowledged[AcknowledgedVersion];

    /// <summary>Creates <paramref name="count"/> projects, each with a writer that moves its own item.</summary>
    public static async Task<List<AutosaveWriter>> CreateProjectsAsync(ProjectServiceClient projects, int count)
    {
        var writers = new List<AutosaveWriter>();
        for (var p = 0; p < count; p++)
        {
            var created = (await projects.CreateProjectAsync(new CreateProjectRequest
            {
                Project = new Project { EditorState = Parse(State(p, 0)) },
            })).Project;
            writers.Add(new AutosaveWriter(Guid.Parse(created.Id), p));
        }
        return writers;
    }

    /// <summary>
    /// Every writer syncs its project in a loop; the server is SIGKILLed once <paramref name="killAfter"/> syncs were
    /// acknowledged, right after <paramref name="beforeKill"/> (for other clients to learn that failures are expected now).
    /// </summary>
    public static async Task<int> BurstAndKillAsync(ServerProcess server, IReadOnlyList<AutosaveWriter> writers, int killAfter, Action? beforeKill = null)
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
        beforeKill?.Invoke();
        await server.KillAsync();
        await Task.WhenAll(bursts);
        Assert.All(writers, writer => Assert.Null(writer.UnexpectedFailure));
        return acknowledged;
    }

    public async Task BurstAsync(ProjectServiceClient projects, Action acknowledged)
    {
        while (true)
        {
            var next = Position + 1;
            _inFlight = next;
            try
            {
                if (!Acknowledge(await projects.SyncProjectAsync(NextSync(next)), next))
                {
                    return;
                }
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

    /// <summary>
    /// Syncs in a loop until <paramref name="stop"/>, each sync under an idempotency key of its own. A sync that fails
    /// with UNAVAILABLE (reported to <paramref name="unavailable"/>) is sent again under the same key, so one that
    /// committed before its answer was lost is replayed rather than stored twice; any other failure is unexpected.
    /// </summary>
    public async Task SyncThroughOutagesAsync(ProjectServiceClient projects, Action<RpcException> unavailable, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var next = Position + 1;
            _inFlight = next;
            var key = new CallOptions { Headers = new Metadata().Add("idempotency-key", $"{projectId}-{next}") };
            try
            {
                if (!Acknowledge(await projects.SyncProjectAsync(NextSync(next), key), next))
                {
                    return;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                unavailable(e);
                await Task.Delay(100, CancellationToken.None);
            }
            catch (RpcException e)
            {
                UnexpectedFailure = $"sync {next} failed: {e.StatusCode} {e.Reason} {e.Message}";
                return;
            }
        }
    }

    private SyncProjectRequest NextSync(long position) => new()
    {
        ProjectId = projectId.ToString(), EditorState = Parse(State(movedItem, position)), ExpectedStateVersion = AcknowledgedVersion,
    };

    /// <summary>Records an acknowledged sync; false (and an unexpected failure) when the server skipped or reused a version.</summary>
    private bool Acknowledge(SyncProjectResponse response, long position)
    {
        if (response.StateVersion != AcknowledgedVersion + 1)
        {
            UnexpectedFailure = $"sync {position} acknowledged as version {response.StateVersion} after {AcknowledgedVersion}";
            return false;
        }
        _inFlight = null;
        _acknowledged[response.StateVersion] = position;
        AcknowledgedVersion = response.StateVersion;
        return true;
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
