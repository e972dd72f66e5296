using GrpcExports.Server.Database;
using Npgsql;

namespace GrpcExports.Server.Events;

/// <summary>
/// Event streams on PostgreSQL (tables event_streams and events, Database/Migrations/0001_event_store.sql). Appends
/// run in the caller's transaction, so the projections that reads use are written atomically with the events; the
/// expected version is enforced by the database (<see cref="StreamAppend"/>). Reads page through a stream forward or
/// backward. A database that cannot be reached answers UNAVAILABLE / DATABASE_UNAVAILABLE; a stale expected version
/// throws <see cref="StreamVersionConflictException"/>, which the stream's owner turns into its clients' error.
/// </summary>
internal sealed class EventStore(NpgsqlDataSource dataSource)
{
    /// <summary>The most events one read returns.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Appends <paramref name="events"/> to the stream, which must be at <paramref name="expectedVersion"/> (0: the
    /// stream must not exist yet; it is created with <paramref name="streamType"/>). The events get the versions that
    /// follow. Nothing is visible to others until the caller commits <paramref name="transaction"/> (READ COMMITTED,
    /// Npgsql's default, or stricter).
    /// </summary>
    /// <exception cref="StreamVersionConflictException">The stream is at another version, also when a concurrent append
    /// took the version first; the transaction stays usable (its savepoint was rolled back) but should be rolled back.</exception>
    /// <exception cref="GrpcExports.Protocol.Wire.RpcException">UNAVAILABLE / DATABASE_UNAVAILABLE when the database cannot be reached.</exception>
    public Task<AppendResult> AppendAsync(NpgsqlTransaction transaction, Guid streamId, string streamType, long expectedVersion,
        IReadOnlyList<NewEvent> events, EventMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamType);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }
        foreach (var newEvent in events)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(newEvent.EventType, nameof(events));
            ArgumentException.ThrowIfNullOrWhiteSpace(newEvent.Data, nameof(events));
        }
        return DatabaseFailures.TranslateAsync(() =>
            StreamAppend.RunAsync(transaction, streamId, streamType, expectedVersion, events, metadata, cancellationToken));
    }

    /// <summary>The stream's type, version and times, or null when it does not exist.</summary>
    public Task<StreamState?> GetStreamAsync(Guid streamId, CancellationToken cancellationToken = default) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await StreamReads.ReadStateAsync(connection, streamId, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>The stream's current version: that of its last event, or 0 when it does not exist.</summary>
    public Task<long> GetVersionAsync(Guid streamId, CancellationToken cancellationToken = default) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await StreamReads.ReadVersionAsync(connection, transaction: null, streamId, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>
    /// Up to <paramref name="maxCount"/> of the stream's events starting at <paramref name="fromVersion"/>: forward
    /// from it to newer (1 reads from the start), or backward from it to older (<see cref="long.MaxValue"/> reads from
    /// the end). <see cref="StreamPage.NextVersion"/> continues where the page stopped. A missing stream reads as empty.
    /// </summary>
    public Task<StreamPage> ReadStreamAsync(Guid streamId, ReadDirection direction, long fromVersion, int maxCount,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromVersion);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, MaxPageSize);
        return DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await StreamReads.ReadPageAsync(connection, streamId, direction, fromVersion, maxCount, cancellationToken).ConfigureAwait(false);
        });
    }
}
