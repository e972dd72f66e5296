using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Exports;
using GrpcExports.Tests.Projects;
using GrpcExports.Tests.Support;
using Npgsql;
using Xunit.Abstractions;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Reliability;

/// <summary>
/// SIGKILL of the server at random points while projects are autosaved and exports are created and rendered, cycle
/// after cycle (3 in CI, 20 with GX_FAULTS=full). After each restart every acknowledged sync is there (contiguous
/// versions, projection equal to the stream), every export exists once (its create is re-sent with the same
/// client_task_id when the answer was lost) and succeeds within one retry per kill, and once the jobs are done no
/// partial file, scratch file or ffmpeg process is left, the killed server's orphans included.
/// </summary>
public sealed class ServerKillTests(ITestOutputHelper output)
{
    private const int ProjectCount = 3, ExportsPerCycle = 2;

    [Fact]
    public async Task Syncs_and_exports_lose_nothing_and_leave_nothing_when_the_server_is_killed_at_random_points()
    {
        var random = FaultRun.SeededRandom(output);
        var cycles = FaultRun.Size(reduced: 3, full: 20);
        await using var server = await FaultServer.StartAsync();
        var writers = await AutosaveWriter.CreateProjectsAsync(server.Projects, ProjectCount);
        await using var database = NpgsqlDataSource.Create(server.ConnectionString);

        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var killAfter = random.Next(1, 80);
            var exports = Enumerable.Range(0, ExportsPerCycle)
                .Select(index => new CreatedExport($"cycle-{cycle}-{index}", TimeSpan.FromMilliseconds(random.Next(0, 1500)))).ToList();
            var creating = exports.Select(export => export.CreateAsync(server.Exports)).ToList();
            var orphans = new List<string>();
            var acknowledged = await AutosaveWriter.BurstAndKillAsync(server.Process, writers, killAfter, beforeKill: () =>
            {
                exports.ForEach(export => export.Killed = true);
                orphans.AddRange(server.Ffmpegs());
            });
            await Task.WhenAll(creating);
            output.WriteLine($"cycle {cycle}: killed after {acknowledged} acknowledged syncs, {orphans.Count} ffmpeg running; exports "
                + string.Join(", ", exports.Select(e => $"{e.ClientTaskId} {(e.Id is null ? "unanswered" : "created")}")));

            await server.RestartAsync();
            foreach (var writer in writers)
            {
                await writer.AssertStoredAsync(server.Projects, database);
            }
            foreach (var export in exports)
            {
                await export.CreateAsync(server.Exports);
                var finished = (await server.Exports.WatchToEndAsync(export.Id!))[^1];
                output.WriteLine($"  {export.ClientTaskId}: {finished.Status} after {finished.Attempt} attempt(s)");
                Assert.Equal(ExportStatus.Succeeded, finished.Status);
                // One kill at most hit this export: its first attempt, or the retry a takeover started.
                Assert.InRange(finished.Attempt, 1, 2);
                Assert.Equal(1L, await JobCountAsync(database, export.ClientTaskId));
                Assert.True(File.Exists(Path.Combine(server.OutputDirectory, export.Id + ".mp4")));
            }
            await Poll.UntilAsync(() => server.Leftovers().Count == 0 && server.Ffmpegs().Count == 0 && orphans.All(IsGone),
                ExportStreams.HangGuard);
        }
    }

    private static bool IsGone(string process) => !Directory.Exists($"/proc/{process.Split(' ')[0]}");

    private static async Task<long> JobCountAsync(NpgsqlDataSource database, string clientTaskId)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM export_jobs WHERE owner_id = @owner AND client_task_id = @task");
        command.Parameters.Add(new NpgsqlParameter<string>("owner", TestApiKeys.TestUserId));
        command.Parameters.Add(new NpgsqlParameter<string>("task", clientTaskId));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>An export created after a delay; when the kill swallows the answer, the same create (same client_task_id) is sent again after the restart.</summary>
    private sealed class CreatedExport(string clientTaskId, TimeSpan delay)
    {
        public string ClientTaskId { get; } = clientTaskId;

        public string? Id { get; private set; }

        public volatile bool Killed;

        public async Task CreateAsync(ExportServiceClient exports)
        {
            if (Id is not null)
            {
                return;
            }
            await Task.Delay(delay);
            try
            {
                Id = (await exports.CreateExportAsync(new CreateExportRequest
                {
                    EditorState = SolidColour("#c0ffee", seconds: 4, width: 320, height: 180), Options = new ExportOptions { Fps = 30 },
                    ClientTaskId = ClientTaskId,
                })).Export.Id;
            }
            catch (RpcException) when (Killed)
            {
                // The server was killed before it answered: the export may or may not exist; the re-sent create tells.
            }
            delay = TimeSpan.Zero;
        }
    }
}
