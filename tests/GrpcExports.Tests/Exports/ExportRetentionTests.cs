using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Rendering.Export;
using GrpcExports.Tests.Support;
using Microsoft.Extensions.Options;
using Npgsql;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>
/// The retention sweep: outputs past Exports:OutputRetention are removed and marked expired; orphaned files go. Unusable
/// retention or webhook settings stop start-up.
/// </summary>
[Collection(ExportResourceCollection.Name)]
public sealed class ExportRetentionTests
{
    [Fact]
    public async Task An_output_older_than_the_retention_is_removed_and_downloads_answer_expired()
    {
        await using var server = await ExportServer.StartAsync("--Exports:OutputRetention=1.00:00:00", "--Exports:RetentionSweepInterval=00:00:00.200");
        var created = (await server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#00ff00", 1) })).Export;
        var succeeded = (await server.Exports.WatchToEndAsync(created.Id))[^1];
        var keptWhileYoung = server.OutputFiles();

        // Make it finish two days ago, by the database's clock the sweep measures with.
        await ExecuteAsync(server, "UPDATE export_jobs SET finished_at = finished_at - interval '2 days' WHERE export_id = @id", created.Id);
        await WaitUntilAsync(() => server.OutputFiles().Count == 0);
        var after = (await server.Exports.GetExportAsync(new GetExportRequest { ExportId = created.Id })).Export;
        var download = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in server.Exports.DownloadExportAsync(new DownloadExportRequest { ExportId = created.Id }))
            {
            }
        });

        Assert.Equal(ExportStatus.Succeeded, succeeded.Status);
        Assert.Single(keptWhileYoung);
        Assert.Equal(ExportStatus.Succeeded, after.Status);
        Assert.Equal((StatusCode.FailedPrecondition, "EXPORT_OUTPUT_EXPIRED"), (download.StatusCode, download.Reason));
        Assert.True(await ExpiredAsync(server, created.Id));
    }

    [Theory]
    [InlineData("1.00:00:00", 24.0)]
    [InlineData("00:00:00", null)]
    public async Task A_succeeded_export_says_when_the_retention_will_delete_its_file(string retention, double? hoursAfterFinish)
    {
        await using var server = await ExportServer.StartAsync($"--Exports:OutputRetention={retention}");
        var created = (await server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#00ff00", 1) })).Export;
        var watched = (await server.Exports.WatchToEndAsync(created.Id))[^1];
        var read = (await server.Exports.GetExportAsync(new GetExportRequest { ExportId = created.Id })).Export;
        var listed = (await server.Exports.ListExportsAsync(new ListExportsRequest())).Exports.Single(e => e.Id == created.Id);

        Assert.All(new[] { watched, read, listed }, export =>
        {
            Assert.Equal(ExportStatus.Succeeded, export.Status);
            var expires = export.Output.ExpireTime?.ToDateTimeOffset();
            Assert.Equal(hoursAfterFinish, expires is { } at ? (at - export.FinishTime.ToDateTimeOffset()).TotalHours : null);
        });
    }

    [Fact]
    public async Task Orphaned_outputs_partials_and_scratch_folders_are_removed_and_other_files_kept()
    {
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0", "--Exports:RetentionSweepInterval=00:00:00.200");
        var cancelled = (await server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#00ff00", 1) })).Export;
        await server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = cancelled.Id });
        var queued = (await server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#0000ff", 1) })).Export;
        await ExecuteAsync(server, "UPDATE export_jobs SET status = 'rendering' WHERE export_id = @id", queued.Id);
        var output = Directory.CreateDirectory(server.OutputDirectory).FullName;
        var longAgo = DateTime.UtcNow.AddHours(-2);
        var orphans = new[]
        {
            Plant(Path.Combine(output, $"{Guid.NewGuid()}.mp4"), longAgo),
            Plant(Path.Combine(output, $"{cancelled.Id}.webm"), longAgo),
            Plant(Path.Combine(output, $".{cancelled.Id}.mp4.{Guid.NewGuid():N}.partial"), longAgo),
            PlantFolder(Path.Combine(output, ".scratch", cancelled.Id), longAgo),
        };
        var kept = new[]
        {
            // Not ours, rendering, or too young to judge.
            Plant(Path.Combine(output, "notes.txt"), longAgo),
            Plant(Path.Combine(output, $".{queued.Id}.mp4.{Guid.NewGuid():N}.partial"), longAgo),
            PlantFolder(Path.Combine(output, ".scratch", queued.Id), longAgo),
            Plant(Path.Combine(output, $"{Guid.NewGuid()}.mp4"), DateTime.UtcNow.AddHours(1)),
        };

        await WaitUntilAsync(() => orphans.All(path => !Path.Exists(path)));

        Assert.All(kept, path => Assert.True(Path.Exists(path), $"{path} was removed."));
    }

    [Theory]
    [InlineData("--Exports:OutputRetention=-1.00:00:00", "Exports:OutputRetention must be zero (keep forever) or a positive time span")]
    [InlineData("--Exports:RetentionSweepInterval=00:00:00", "Exports:RetentionSweepInterval must be a positive time span")]
    [InlineData("--Exports:Webhooks:MaxAttempts=0", "Exports:Webhooks:MaxAttempts must be 1 or more")]
    [InlineData("--Exports:Webhooks:Timeout=00:00:00", "Exports:Webhooks:Timeout must be a positive time span")]
    [InlineData("--Exports:Webhooks:MaxRetryDelay=00:00:01", "Exports:Webhooks:MaxRetryDelay (00:00:01) must be at least FirstRetryDelay")]
    public async Task A_server_with_unusable_retention_or_webhook_settings_does_not_start(string setting, string problem)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", setting));

        Assert.Contains(problem, error.Message);
    }

    private static string Plant(string path, DateTime lastWrite)
    {
        File.WriteAllText(path, "left behind");
        File.SetLastWriteTimeUtc(path, lastWrite);
        return path;
    }

    private static string PlantFolder(string path, DateTime lastWrite)
    {
        Directory.CreateDirectory(path);
        Plant(Path.Combine(path, "frame.raw"), lastWrite);
        Directory.SetLastWriteTimeUtc(path, lastWrite);
        return path;
    }

    private static async Task ExecuteAsync(ExportServer server, string sql, string exportId)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", Guid.Parse(exportId));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<bool> ExpiredAsync(ExportServer server, string exportId)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT output_expired_at IS NOT NULL FROM export_jobs WHERE export_id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(exportId));
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls for what the sweep does on its own, with a generous hang guard.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(ExportStreams.HangGuard);
        while (!condition())
        {
            await Task.Delay(50, guard.Token);
        }
    }
}
