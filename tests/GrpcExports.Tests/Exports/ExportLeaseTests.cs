using GrpcExports.Protocol.V1;
using Npgsql;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>
/// Jobs whose worker died (a lease in export_jobs that ran out) are taken over by a worker on another instance, or
/// failed once they used up their attempts; a watcher on the instance that accepted the export follows it to the end
/// through LISTEN/NOTIFY. A server that shuts down hands its job back to the queue.
/// </summary>
public sealed class ExportLeaseTests
{
    [Fact]
    public async Task A_job_whose_lease_expired_is_rendered_again_by_another_instance_and_watched_from_the_first()
    {
        await using var front = await ExportServer.StartAsync("--Exports:Workers=0");
        var created = (await front.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#ff0000", 0.5), Options = new ExportOptions { Fps = 10 },
        })).Export;
        await PretendAWorkerDiedAsync(front.ConnectionString, created.Id, attempts: 1);
        var watching = front.Exports.WatchToEndAsync(created.Id);

        await using var worker = await ExportServer.StartOnAsync(front.ConnectionString, "--Exports:Workers=1", "--Exports:PollInterval=00:00:00.2");
        var watched = await watching;

        var finished = watched[^1];
        Assert.Equal((ExportStatus.Succeeded, 2), (finished.Status, finished.Attempt));
        Assert.Contains(watched, e => e.Status == ExportStatus.Rendering && e.Attempt == 2);
        Assert.True(File.Exists(Path.Combine(worker.OutputDirectory, created.Id + ".mp4")));
    }

    [Fact]
    public async Task A_job_whose_last_allowed_attempt_died_fails_with_retries_exhausted()
    {
        await using var front = await ExportServer.StartAsync("--Exports:Workers=0");
        var created = (await front.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#ff0000", 0.5) })).Export;
        await PretendAWorkerDiedAsync(front.ConnectionString, created.Id, attempts: 2);
        var watching = front.Exports.WatchToEndAsync(created.Id);

        await using var worker = await ExportServer.StartOnAsync(front.ConnectionString, "--Exports:MaxAttempts=2", "--Exports:PollInterval=00:00:00.2");
        var finished = (await watching)[^1];

        Assert.Equal((ExportStatus.Failed, ErrorReason.RenderRetriesExhausted), (finished.Status, finished.Error.Reason));
        Assert.Equal("2", finished.Error.Metadata["attempts"]);
        Assert.Empty(worker.OutputFiles());
    }

    [Fact]
    public async Task A_server_shutting_down_mid_render_hands_the_job_back_to_the_queue()
    {
        await using var front = await ExportServer.StartAsync("--Exports:Workers=0");
        var created = (await front.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#00ff00", seconds: 20, width: 1280, height: 720),
        })).Export;
        await using var worker = await ExportServer.StartOnAsync(front.ConnectionString);
        await front.Exports.WatchUntilAsync(created.Id, e => e.Progress.FramesDone > 0);

        await worker.StopAsync();
        var after = (await front.Exports.GetExportAsync(new GetExportRequest { ExportId = created.Id })).Export;

        Assert.Equal((ExportStatus.Queued, 0, 0L), (after.Status, after.Attempt, after.Progress.FramesDone));
        Assert.Empty(worker.OutputFiles());
    }

    /// <summary>Makes the export look claimed by a worker that vanished: rendering, under a lease that ran out a minute ago.</summary>
    private static async Task PretendAWorkerDiedAsync(string connectionString, string exportId, int attempts)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            UPDATE export_jobs
            SET status = 'rendering', lease_owner = 'a-worker-that-died', lease_expires_at = now() - interval '1 minute',
                attempts = @attempts, started_at = now()
            WHERE export_id = @id
            """, connection);
        command.Parameters.AddWithValue("id", Guid.Parse(exportId));
        command.Parameters.AddWithValue("attempts", attempts);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
