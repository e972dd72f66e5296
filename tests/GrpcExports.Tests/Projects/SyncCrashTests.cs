using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace GrpcExports.Tests.Projects;

/// <summary>
/// Crash safety of autosave: the server process is SIGKILLed at a random point of a burst of syncs, restarted on the
/// same database, and every acknowledged sync must be there, the projection must agree with the event stream, and
/// the versions must have no gaps. Several cycles, several projects synced at once.
/// </summary>
public sealed class SyncCrashTests(ITestOutputHelper output)
{
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
            List<AutosaveWriter> writers;
            using (var connection = server.Connect())
            {
                writers = await AutosaveWriter.CreateProjectsAsync(new ProjectServiceClient(connection), ProjectCount);
            }
            for (var cycle = 1; cycle <= Cycles; cycle++)
            {
                var killAfter = random.Next(5, 60);
                var acknowledged = await AutosaveWriter.BurstAndKillAsync(server, writers, killAfter);
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
}
