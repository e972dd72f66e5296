using Npgsql;
using NpgsqlTypes;

namespace GrpcExports.Server.Events;

/// <summary>
/// The append path, inside the caller's transaction:
/// <list type="number">
/// <item>check: the stream's committed version must be the expected one, else a <see cref="StreamVersionConflictException"/> at once;</item>
/// <item>under a savepoint, create or update the stream's row (which locks it until the transaction ends) and insert
/// the events with versions expected + 1, expected + 2, ...;</item>
/// <item>if a concurrent append got past the same check first, UNIQUE (stream_id, version) stops this one
/// (events_stream_version_key, SQLSTATE 23505), or under REPEATABLE READ the stream row's update does (40001): the
/// savepoint is rolled back, the stream's version read again, and the conflict reported the same way, never as a raw
/// database error.</item>
/// </list>
/// </summary>
internal static class StreamAppend
{
    /// <summary>The unique key on (stream_id, version) that makes two appends at the same version impossible.</summary>
    public const string VersionConstraint = "events_stream_version_key";

    private const string Savepoint = "event_store_append";

    private const string UpsertStream = """
        INSERT INTO event_streams AS stream (stream_id, stream_type, version, created_at, updated_at)
        VALUES (@stream_id, @stream_type, @version, clock_timestamp(), clock_timestamp())
        ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, updated_at = clock_timestamp()
        RETURNING stream.updated_at
        """;

    private const string InsertEvents = """
        INSERT INTO events (stream_id, version, event_type, data, actor_user_id, actor_api_key_id, actor_api_key_name,
                            client_info, correlation_id, idempotency_key, recorded_at)
        SELECT @stream_id, appended.version, appended.event_type, appended.data, @actor_user_id, @actor_api_key_id,
               @actor_api_key_name, @client_info, @correlation_id, @idempotency_key, @recorded_at
        FROM unnest(@versions, @event_types, @data) AS appended (version, event_type, data)
        ORDER BY appended.version
        RETURNING position, version
        """;

    public static async Task<AppendResult> RunAsync(NpgsqlTransaction transaction, Guid streamId, string streamType,
        long expectedVersion, IReadOnlyList<NewEvent> events, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection
            ?? throw new ArgumentException("The transaction has already completed.", nameof(transaction));
        var currentVersion = await StreamReads.ReadVersionAsync(connection, transaction, streamId, cancellationToken).ConfigureAwait(false);
        if (currentVersion != expectedVersion)
        {
            throw new StreamVersionConflictException(streamId, expectedVersion, currentVersion);
        }

        await transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            var newVersion = expectedVersion + events.Count;
            var recordedAt = await UpsertStreamAsync(connection, transaction, streamId, streamType, newVersion, cancellationToken).ConfigureAwait(false);
            var positions = await InsertEventsAsync(connection, transaction, streamId, expectedVersion, events, metadata, recordedAt,
                cancellationToken).ConfigureAwait(false);
            await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            return new AppendResult(streamId, newVersion, positions, recordedAt);
        }
        catch (PostgresException e) when (IsConcurrentAppend(e))
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            var versionNow = await StreamReads.ReadVersionAsync(connection, transaction, streamId, cancellationToken).ConfigureAwait(false);
            throw new StreamVersionConflictException(streamId, expectedVersion, versionNow, e);
        }
    }

    /// <summary>Whether another transaction appended to the stream after this one's version check.</summary>
    public static bool IsConcurrentAppend(PostgresException exception) =>
        (exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == VersionConstraint)
        || exception.SqlState == PostgresErrorCodes.SerializationFailure;

    private static async Task<DateTimeOffset> UpsertStreamAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid streamId, string streamType, long newVersion, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(UpsertStream, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("stream_id", streamId));
        command.Parameters.Add(new NpgsqlParameter<string>("stream_type", streamType));
        command.Parameters.Add(new NpgsqlParameter<long>("version", newVersion));
        var updatedAt = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return new DateTimeOffset((DateTime)updatedAt!);
    }

    private static async Task<IReadOnlyList<long>> InsertEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid streamId, long expectedVersion, IReadOnlyList<NewEvent> events, EventMetadata metadata, DateTimeOffset recordedAt,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertEvents, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("stream_id", streamId));
        command.Parameters.Add(new NpgsqlParameter<long[]>("versions", events.Select((_, index) => expectedVersion + 1 + index).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("event_types", events.Select(e => e.EventType).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Array | NpgsqlDbType.Json) { Value = events.Select(e => e.Data).ToArray() });
        command.Parameters.Add(Text("actor_user_id", metadata.Actor?.UserId));
        command.Parameters.Add(Text("actor_api_key_id", metadata.Actor?.ApiKeyId));
        command.Parameters.Add(Text("actor_api_key_name", metadata.Actor?.ApiKeyName));
        command.Parameters.Add(Text("client_info", metadata.ClientInfo));
        command.Parameters.Add(Text("correlation_id", metadata.CorrelationId));
        command.Parameters.Add(Text("idempotency_key", metadata.IdempotencyKey));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("recorded_at", recordedAt));

        var positionsByVersion = new SortedList<long, long>(events.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            positionsByVersion.Add(reader.GetInt64(1), reader.GetInt64(0));
        }
        return positionsByVersion.Values.ToArray();
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
