using GrpcExports.Server.Events;
using Npgsql;

namespace GrpcExports.Tests.Events;

/// <summary>Appends in a transaction of their own, and what a stale append must answer.</summary>
internal static class EventStoreAssertions
{
    /// <summary>Appends and commits in a new connection and transaction.</summary>
    public static async Task<AppendResult> AppendCommittedAsync(NpgsqlDataSource dataSource, EventStore store, Guid streamId,
        long expectedVersion, params NewEvent[] events)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var result = await store.AppendAsync(transaction, streamId, "project", expectedVersion, events, EventMetadata.None);
        await transaction.CommitAsync();
        return result;
    }

    public static NewEvent[] SampleEvents(int count, string type = "StateSynced") =>
        Enumerable.Range(1, count).Select(index => new NewEvent(type, $$"""{"n":{{index}}}""")).ToArray();

    /// <summary>A version conflict naming the stream and both stream versions.</summary>
    public static void AssertStale(StreamVersionConflictException error, Guid streamId, long expectedVersion, long currentVersion) =>
        Assert.Equal((streamId, expectedVersion, currentVersion), (error.StreamId, error.ExpectedVersion, error.CurrentVersion));
}
