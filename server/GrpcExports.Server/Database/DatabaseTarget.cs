using GrpcExports.Server.Database.Embedded;
using Microsoft.Extensions.Logging;

namespace GrpcExports.Server.Database;

/// <summary>
/// The database the server uses: the configured server (<see cref="DatabaseOptions.ConnectionString"/>) or, when none
/// is configured, the application database on the server's private cluster (<see cref="Cluster"/>).
/// </summary>
internal sealed class DatabaseTarget : IAsyncDisposable
{
    private DatabaseTarget(string connectionString, string databaseName, EmbeddedCluster? cluster)
    {
        ConnectionString = connectionString;
        DatabaseName = databaseName;
        Cluster = cluster;
    }

    public string ConnectionString { get; }

    /// <summary>The application database's name on the private cluster (created at start-up if missing).</summary>
    public string DatabaseName { get; }

    /// <summary>The private cluster the server starts and stops, or null when it uses a configured server.</summary>
    public EmbeddedCluster? Cluster { get; }

    /// <summary>Stops the private cluster if it still runs (a start-up that failed half-way never reaches the normal stop).</summary>
    public ValueTask DisposeAsync() => Cluster?.DisposeAsync() ?? ValueTask.CompletedTask;

    public static DatabaseTarget From(DatabaseOptions options, string contentRoot, ILoggerFactory loggerFactory)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new DatabaseTarget(options.ConnectionString, options.DatabaseName, cluster: null);
        }
        var clusterOptions = new EmbeddedClusterOptions(
            RootDirectory: Path.Combine(options.ResolveDataDirectory(contentRoot), "postgresql"),
            PostgresBinDirectory: options.PostgresBinDirectory,
            ClusterUser: options.ClusterUser,
            ServerSettings: options.ServerSettings,
            StartTimeout: options.StartTimeout);
        var cluster = new EmbeddedCluster(clusterOptions, loggerFactory.CreateLogger<EmbeddedCluster>());
        return new DatabaseTarget(cluster.ConnectionString(options.DatabaseName), options.DatabaseName, cluster);
    }
}
