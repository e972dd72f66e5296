using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Database;
using GrpcExports.Server.Events;
using GrpcExports.Tests.Support;
using Npgsql;

namespace GrpcExports.Tests.Database;

/// <summary>A database that cannot be reached answers UNAVAILABLE / DATABASE_UNAVAILABLE, which clients may retry; bugs do not.</summary>
public sealed class DatabaseFailureTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AServerThatIsNotThereIsUnavailable()
    {
        // A socket folder where no PostgreSQL listens.
        var connectionString = new NpgsqlConnectionStringBuilder { Host = _directory.Path, Port = 5432, Username = "nobody", Database = "none" };
        await using var dataSource = NpgsqlDataSource.Create(connectionString.ConnectionString);
        var store = new EventStore(dataSource);

        var error = await Assert.ThrowsAsync<RpcException>(() => store.ReadStreamAsync(Guid.NewGuid(), ReadDirection.Forward, 1, 10));

        AssertUnavailable(error);
        Assert.IsAssignableFrom<NpgsqlException>(error.InnerException);
    }

    [Fact]
    public async Task AConnectionCutInTheMiddleOfAnAppendIsUnavailable()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var terminate = database.DataSource.CreateCommand("SELECT pg_terminate_backend(@pid, 10000)"))
        {
            terminate.Parameters.AddWithValue("pid", connection.ProcessID);
            Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => database.Events.AppendAsync(transaction, Guid.NewGuid(), "project", 0,
            [new NewEvent("Created", "{}")], EventMetadata.None));

        AssertUnavailable(error);
    }

    [Fact]
    public async Task RequestAndCodeErrorsAreNotMistakenForAnOutage()
    {
        await using var command = database.DataSource.CreateCommand("SELECT * FROM no_such_table");
        var missingTable = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        await using var insert = database.DataSource.CreateCommand(
            "INSERT INTO event_streams (stream_id, stream_type, version, created_at, updated_at) VALUES (@id, 't', 1, now(), now())");
        var id = Guid.NewGuid();
        insert.Parameters.AddWithValue("id", id);
        await insert.ExecuteNonQueryAsync();
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.False(DatabaseFailures.IsUnavailable(missingTable));
        Assert.False(DatabaseFailures.IsUnavailable(duplicate));
        Assert.False(DatabaseFailures.IsUnavailable(new InvalidOperationException()));
    }

    private static void AssertUnavailable(RpcException error)
    {
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("DATABASE_UNAVAILABLE", error.Reason);
        Assert.Equal("grpcexports.dev", error.ErrorInfo!.Domain);
    }
}
