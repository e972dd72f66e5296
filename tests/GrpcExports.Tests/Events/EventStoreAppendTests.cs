using GrpcExports.Server.Events;
using GrpcExports.Tests.Support;
using Npgsql;
using static GrpcExports.Tests.Events.EventStoreAssertions;

namespace GrpcExports.Tests.Events;

/// <summary>Appending: versions, positions, metadata, lossless JSON, the expected-version check, and the caller's transaction.</summary>
public sealed class EventStoreAppendTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private EventStore Store => database.Events;

    [Fact]
    public async Task StartsAStreamAtVersionZeroAndGivesEachEventTheNextVersion()
    {
        var streamId = Guid.NewGuid();

        var created = await AppendCommittedAsync(database.DataSource, Store, streamId, 0, SampleEvents(2));
        var synced = await AppendCommittedAsync(database.DataSource, Store, streamId, 2, SampleEvents(3));

        Assert.Equal(2, created.Version);
        Assert.Equal(5, synced.Version);
        Assert.Equal(5, await Store.GetVersionAsync(streamId));
        var state = await Store.GetStreamAsync(streamId);
        Assert.NotNull(state);
        Assert.Equal(("project", 5L), (state.StreamType, state.Version));
        Assert.True(state.CreatedAt <= state.UpdatedAt);
        Assert.Equal(synced.RecordedAt, state.UpdatedAt);
        long[] positions = [.. created.Positions, .. synced.Positions];
        Assert.Equal(5, positions.Length);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Length, positions.Distinct().Count());
    }

    [Fact]
    public async Task StoresTheJsonTextExactlyAsGiven()
    {
        var streamId = Guid.NewGuid();
        // Key order, a duplicate key, number spellings, escapes, non-ASCII text and whitespace: jsonb would change each.
        const string Data = """{ "z": 1, "a": [1.0, 2e3, -0.0, 12345678901234567890], "z": "again", "t": "\u00e9 é 🎬 \"q\" \u0000" }""";

        await AppendCommittedAsync(database.DataSource, Store, streamId, 0, new NewEvent("Created", Data));
        var page = await Store.ReadStreamAsync(streamId, ReadDirection.Forward, 1, 10);

        Assert.Equal(Data, Assert.Single(page.Events).Data);
    }

    [Fact]
    public async Task RefusesDataThatIsNotJson()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            Store.AppendAsync(transaction, Guid.NewGuid(), "project", 0, [new NewEvent("Created", "{not json")], EventMetadata.None));

        Assert.Equal(PostgresErrorCodes.InvalidTextRepresentation, error.SqlState);
    }

    [Fact]
    public async Task KeepsTheMetadataOfEachEvent()
    {
        var streamId = Guid.NewGuid();
        var metadata = new EventMetadata(new EventActor("user-1", "key-7", "ci-nightly"), "GrpcExports.PowerShell/1.0", "corr-42", "idem-9");
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Store.AppendAsync(transaction, streamId, "project", 0, SampleEvents(1), metadata);
            await Store.AppendAsync(transaction, streamId, "project", 1, SampleEvents(1), EventMetadata.None);
            await transaction.CommitAsync();
        }

        var events = (await Store.ReadStreamAsync(streamId, ReadDirection.Forward, 1, 10)).Events;

        Assert.Equal(metadata, events[0].Metadata);
        Assert.Equal(EventMetadata.None, events[1].Metadata);
        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        Assert.All(events, e => Assert.Equal(streamId, e.StreamId));
        Assert.True(events[0].RecordedAt <= events[1].RecordedAt);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(3L)]
    public async Task AStaleExpectedVersionIsAbortedAndWritesNothing(long expectedVersion)
    {
        var streamId = Guid.NewGuid();
        await AppendCommittedAsync(database.DataSource, Store, streamId, 0, SampleEvents(2));

        var error = await Assert.ThrowsAsync<StreamVersionConflictException>(() => AppendCommittedAsync(database.DataSource, Store, streamId, expectedVersion, SampleEvents(1)));

        AssertStale(error, streamId, expectedVersion, currentVersion: 2);
        Assert.Equal(2, await Store.GetVersionAsync(streamId));
    }

    [Fact]
    public async Task AppendingAtAVersionToAStreamThatDoesNotExistIsStale()
    {
        var streamId = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<StreamVersionConflictException>(() => AppendCommittedAsync(database.DataSource, Store, streamId, 4, SampleEvents(1)));

        AssertStale(error, streamId, expectedVersion: 4, currentVersion: 0);
        Assert.Null(await Store.GetStreamAsync(streamId));
    }

    [Fact]
    public async Task EventsAndTheCallersOwnRowsCommitOrRollBackTogether()
    {
        await using (var create = database.DataSource.CreateCommand("CREATE TABLE IF NOT EXISTS test_projection (stream_id uuid PRIMARY KEY, version bigint)"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var rolledBack = Guid.NewGuid();
        var committed = Guid.NewGuid();

        await AppendWithProjectionAsync(rolledBack, commit: false);
        await AppendWithProjectionAsync(committed, commit: true);

        Assert.Equal(0, await Store.GetVersionAsync(rolledBack));
        Assert.Null(await ProjectedVersionAsync(rolledBack));
        Assert.Equal(1, await Store.GetVersionAsync(committed));
        Assert.Equal(1L, await ProjectedVersionAsync(committed));
    }

    [Fact]
    public async Task AnAppendNeedsEventsAStreamTypeAndAVersionThatIsNotNegative()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = Guid.NewGuid();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(transaction, id, "project", 0, [], EventMetadata.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(transaction, id, " ", 0, SampleEvents(1), EventMetadata.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.AppendAsync(transaction, id, "project", -1, SampleEvents(1), EventMetadata.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(transaction, id, "project", 0, [new NewEvent("Created", "")], EventMetadata.None));
    }

    private async Task AppendWithProjectionAsync(Guid streamId, bool commit)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var result = await Store.AppendAsync(transaction, streamId, "project", 0, SampleEvents(1), EventMetadata.None);
        await using (var project = new NpgsqlCommand("INSERT INTO test_projection VALUES (@id, @version)", connection, transaction))
        {
            project.Parameters.AddWithValue("id", streamId);
            project.Parameters.AddWithValue("version", result.Version);
            await project.ExecuteNonQueryAsync();
        }
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
    }

    private async Task<long?> ProjectedVersionAsync(Guid streamId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT version FROM test_projection WHERE stream_id = @id");
        command.Parameters.AddWithValue("id", streamId);
        return (long?)await command.ExecuteScalarAsync();
    }
}
