using GrpcExports.Server.Database.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GrpcExports.Server.Database;

/// <summary>
/// Makes the database ready before the server takes calls, and lets it go after the last call: starts the private
/// cluster (when no connection string is configured) and creates the application database, then applies the schema
/// migrations; at shutdown closes the pooled connections and stops the private cluster. It runs in the host's
/// Starting and Stopped phases, that is before Kestrel starts listening and after it has stopped.
/// </summary>
internal sealed class DatabaseLifecycle(
    DatabaseTarget target,
    NpgsqlDataSource dataSource,
    SchemaMigrator migrator,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseLifecycle> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (target.Cluster is { } cluster)
            {
                await cluster.StartAsync(cancellationToken).ConfigureAwait(false);
                await cluster.EnsureDatabaseAsync(target.DatabaseName, cancellationToken).ConfigureAwait(false);
            }
            await MigrateWhenReachableAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (target.Cluster is { } cluster)
            {
                await cluster.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
            throw;
        }
    }

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        dataSource.Clear();
        if (target.Cluster is { } cluster)
        {
            // Not the host's token: once its shutdown timeout has passed, cancelling would leave PostgreSQL running
            // after the server is gone (and crash the host with the cancellation). pg_ctl's own -t bounds the stop.
            await cluster.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies the migrations, waiting up to the start timeout for a configured server that is not up yet.</summary>
    private async Task MigrateWhenReachableAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.Value.StartTimeout;
        while (true)
        {
            try
            {
                await migrator.ApplyAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && DateTime.UtcNow < deadline)
            {
                logger.LogWarning("The database is not reachable yet ({Message}); trying again.", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
