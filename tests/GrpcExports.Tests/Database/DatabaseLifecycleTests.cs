using GrpcExports.Server.Database;
using GrpcExports.Server.Database.Migrations;
using GrpcExports.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GrpcExports.Tests.Database;

/// <summary>The server's database lifecycle around its private cluster.</summary>
public sealed class DatabaseLifecycleTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_private_cluster_is_stopped_even_when_the_hosts_shutdown_time_has_run_out()
    {
        var options = new DatabaseOptions { DataDirectory = _directory.Path };
        await using var target = DatabaseTarget.From(options, _directory.Path, NullLoggerFactory.Instance);
        await using var dataSource = NpgsqlDataSource.Create(target.ConnectionString);
        var lifecycle = new DatabaseLifecycle(target, dataSource, new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance),
            Options.Create(options), NullLogger<DatabaseLifecycle>.Instance);
        await lifecycle.StartingAsync(CancellationToken.None);
        var pidFile = target.Cluster!.Layout.PostmasterPidFile;
        var runningBeforeStop = File.Exists(pidFile);

        await lifecycle.StoppedAsync(new CancellationToken(canceled: true));

        Assert.True(runningBeforeStop);
        Assert.False(File.Exists(pidFile), "PostgreSQL still runs after the server stopped.");
    }
}
