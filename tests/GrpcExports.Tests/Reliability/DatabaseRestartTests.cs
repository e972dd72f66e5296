using System.Collections.Concurrent;
using System.Diagnostics;
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
/// PostgreSQL stopped and started again under autosave load (once in CI, 5 times with GX_FAULTS=full), the server
/// left running: while the database is down clients get UNAVAILABLE with the reason DATABASE_UNAVAILABLE, never
/// another error; once it is back they go on by themselves, no acknowledged sync is lost, and exports render again.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private const int WriterCount = 4;

    [Fact]
    public async Task Clients_see_unavailable_while_postgresql_is_down_and_recover_without_a_server_restart()
    {
        var random = FaultRun.SeededRandom(output);
        var outages = FaultRun.Size(reduced: 1, full: 5);
        using var directory = new TemporaryDirectory();
        await using var cluster = TestPostgres.NewCluster(Path.Combine(directory.Path, "postgresql"));
        await cluster.StartAsync(CancellationToken.None);
        CleanupAfterExit.StopClusterAndDelete(cluster.Layout.PostmasterPidFile, directory.Path);
        await cluster.EnsureDatabaseAsync("faults", CancellationToken.None);
        await using var server = await FaultServer.StartAsync(cluster.ConnectionString("faults"));
        // No client-side retries: the test sees every UNAVAILABLE and retries itself.
        var options = TestApiKeys.Options(server.Process.Address, server.Process.ApiKey!);
        options.RetryPolicy = RetryPolicy.None;
        using var connection = new GrpcConnection(options);
        var projects = new ProjectServiceClient(connection);
        var writers = await AutosaveWriter.CreateProjectsAsync(projects, WriterCount);
        var unavailable = new ConcurrentQueue<RpcException>();
        using var stop = new CancellationTokenSource();
        var syncing = writers.Select(writer => Task.Run(() => writer.SyncThroughOutagesAsync(projects, unavailable.Enqueue, stop.Token))).ToList();

        for (var outage = 1; outage <= outages; outage++)
        {
            await EachSyncsAsync(writers, random.Next(1, 20));
            var seenBefore = unavailable.Count;
            await cluster.StopAsync(CancellationToken.None);
            var down = Stopwatch.StartNew();
            var read = await Assert.ThrowsAsync<RpcException>(() => projects.GetProjectAsync(new GetProjectRequest { ProjectId = writers[0].ProjectId.ToString() }));
            Assert.Equal((StatusCode.Unavailable, "DATABASE_UNAVAILABLE"), (read.StatusCode, read.Reason));
            await Poll.UntilAsync(() => unavailable.Count > seenBefore, ExportStreams.HangGuard);
            await Task.Delay(random.Next(200, 3000));
            await cluster.StartAsync(CancellationToken.None);
            output.WriteLine($"outage {outage}: down {down.ElapsedMilliseconds} ms; {unavailable.Count - seenBefore} UNAVAILABLE answers to the autosaving clients");
            await EachSyncsAsync(writers, 5);
        }
        await stop.CancelAsync();
        await Task.WhenAll(syncing);

        Assert.All(writers, writer => Assert.Null(writer.UnexpectedFailure));
        Assert.All(unavailable, error => Assert.Equal((StatusCode.Unavailable, "DATABASE_UNAVAILABLE"), (error.StatusCode, error.Reason)));
        await using var database = NpgsqlDataSource.Create(server.ConnectionString);
        foreach (var writer in writers)
        {
            await writer.AssertStoredAsync(projects, database);
        }
        var created = (await server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#123456", seconds: 1), Options = new ExportOptions { Fps = 10 },
        })).Export;
        Assert.Equal(ExportStatus.Succeeded, (await server.Exports.WatchToEndAsync(created.Id))[^1].Status);
    }

    /// <summary>Waits until every writer has <paramref name="syncs"/> more acknowledged syncs (or has failed).</summary>
    private static async Task EachSyncsAsync(IReadOnlyList<AutosaveWriter> writers, int syncs)
    {
        var targets = writers.Select(writer => writer.AcknowledgedVersion + syncs).ToList();
        await Poll.UntilAsync(() => writers.Select((writer, i) => writer.AcknowledgedVersion >= targets[i] || writer.UnexpectedFailure is not null).All(done => done),
            ExportStreams.HangGuard);
        Assert.All(writers, writer => Assert.Null(writer.UnexpectedFailure));
    }
}
