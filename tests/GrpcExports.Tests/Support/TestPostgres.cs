using GrpcExports.Server.Database.Embedded;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrpcExports.Tests.Support;

/// <summary>
/// One private PostgreSQL cluster for the whole test run, started on first use by the server's own mechanism
/// (<see cref="EmbeddedCluster"/>) in a temporary directory, and stopped and deleted when the test process exits.
/// Each test class (and each server a test starts) gets a fresh database on it. Durability settings are off: these
/// clusters never outlive a crash of their own. <see cref="CleanupAfterExit"/> stops it and deletes it after the test
/// process ends; should that fail (a reboot), the next run's <see cref="StaleTestClusters"/> does.
/// </summary>
internal static class TestPostgres
{
    /// <summary>Settings that make a throwaway cluster fast.</summary>
    public static readonly IReadOnlyDictionary<string, string> FastSettings = new Dictionary<string, string>
    {
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        ["max_connections"] = "300",
    };

    private static readonly Lazy<Task<EmbeddedCluster>> Shared = new(StartSharedClusterAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private static int _databases;

    /// <summary>Creates a new, empty database on the shared cluster and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var cluster = await Shared.Value.ConfigureAwait(false);
        var name = $"test_{Interlocked.Increment(ref _databases)}";
        await cluster.EnsureDatabaseAsync(name, CancellationToken.None).ConfigureAwait(false);
        return cluster.ConnectionString(name);
    }

    /// <summary>A connection string to the shared cluster's maintenance database (for CREATE DATABASE with options).</summary>
    public static async Task<string> MaintenanceConnectionStringAsync() =>
        (await Shared.Value.ConfigureAwait(false)).ConnectionString("postgres");

    /// <summary>
    /// A new cluster (not started) in <paramref name="root"/>, for tests of the cluster itself: with
    /// <see cref="FastSettings"/>, or PostgreSQL's durable defaults when <paramref name="durable"/>.
    /// </summary>
    public static EmbeddedCluster NewCluster(string root, bool durable = false) =>
        new(new EmbeddedClusterOptions(root, ServerSettings: durable ? null : FastSettings), NullLogger.Instance);

    private static async Task<EmbeddedCluster> StartSharedClusterAsync()
    {
        StaleTestClusters.Remove();
        var directory = new TemporaryDirectory();
        var cluster = NewCluster(Path.Combine(directory.Path, "postgresql"));
        try
        {
            await cluster.StartAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            directory.Dispose();
            throw;
        }
        CleanupAfterExit.StopClusterAndDelete(cluster.Layout.PostmasterPidFile, directory.Path);
        return cluster;
    }
}
