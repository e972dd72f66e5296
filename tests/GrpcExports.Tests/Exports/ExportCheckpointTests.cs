using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.History;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Storage;
using GrpcExports.Tests.Support;
using Microsoft.Extensions.Options;

namespace GrpcExports.Tests.Exports;

/// <summary>
/// Progress checkpoints keep the time of the report they hold. Watchers order the two roads progress reaches them by
/// (live reports, rows re-read after an announcement) by that time, so a checkpoint stamped when it was written would
/// overtake the newer live reports sent while it was being written, and a watcher would see the percent go back.
/// </summary>
public sealed class ExportCheckpointTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_checkpoint_keeps_the_time_of_its_report_not_of_its_write()
    {
        var options = Options.Create(new ProjectOptions());
        using var cache = new LatestStateCache(options);
        var history = new ExportHistory(new ProjectStore(database.DataSource, database.Events, cache, options));
        var store = new ExportJobStore(database.DataSource, history);
        var queue = new ExportJobQueue(database.DataSource, history);
        ExportJob created;
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            (created, _) = await store.CreateAsync(transaction, new NewExportJob("checkpoint-user", "Export", null, 0, "", "{}",
                new ExportOptions(), "", "", 1, []), maxActive: 2, CancellationToken.None);
            await transaction.CommitAsync();
        }
        var claimed = await queue.ClaimAsync("worker-1", TimeSpan.FromMinutes(1), maxAttempts: 3, CancellationToken.None);
        Assert.Equal(created.ExportId, claimed?.Job.ExportId);

        // A report made a while ago, written only now (PostgreSQL keeps microseconds).
        var reportedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-3).ToUnixTimeMilliseconds());
        var written = await queue.CheckpointAsync(created.ExportId, "worker-1",
            new ExportJobProgress(40, ExportStage.Rendering, 4, 10, 12.5, TimeSpan.FromSeconds(1), reportedAt), CancellationToken.None);

        Assert.True(written);
        var read = await store.GetForWatchersAsync(created.ExportId, CancellationToken.None);
        Assert.Equal(40, read!.Progress.Percent);
        Assert.Equal(reportedAt, read.Progress.UpdatedAt);
    }
}
