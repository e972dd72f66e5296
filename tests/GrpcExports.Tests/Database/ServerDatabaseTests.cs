using GrpcExports.Server.Database.Embedded;
using GrpcExports.Server.Database.Migrations;
using GrpcExports.Tests.Support;
using Npgsql;

namespace GrpcExports.Tests.Database;

/// <summary>The server's default mode: no connection string, so it runs its own cluster in its data directory.</summary>
public sealed class ServerDatabaseTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WithoutAConnectionStringTheServerRunsItsOwnMigratedClusterAndStopsItAtShutdown()
    {
        var layout = new ClusterLayout(Path.Combine(_directory.Path, "postgresql"));
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = layout.Sockets, Port = ClusterLayout.Port, Username = ClusterLayout.SuperUser, Database = "grpcexports", Pooling = false,
        }.ConnectionString;

        await using (await StartServerAsync())
        {
            Assert.True(File.Exists(layout.PostmasterPidFile));
            Assert.Equal(MigrationCatalog.All.Count, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM schema_migrations"));
            await ScalarAsync<int>(connectionString, "CREATE TABLE survives_restart (id int); SELECT 1");
        }
        Assert.False(File.Exists(layout.PostmasterPidFile), "the server stops its cluster when it stops");

        await using (await StartServerAsync())
        {
            Assert.Equal(0L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM survives_restart"));
        }
        Assert.False(File.Exists(layout.PostmasterPidFile));
    }

    private Task<RunningServer> StartServerAsync() => RunningServer.StartAsync(
        "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
        $"--Database:DataDirectory={_directory.Path}",
        "--Database:ServerSettings:fsync=off");

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
