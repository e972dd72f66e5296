using Npgsql;

namespace GrpcExports.Server.Events;

/// <summary>The read path: a stream's row and its events, a page at a time, in either direction.</summary>
internal static class StreamReads
{
    private const string EventColumns = """
        position, stream_id, version, event_type, data, actor_user_id, actor_api_key_id, actor_api_key_name,
        client_info, correlation_id, idempotency_key, recorded_at
        """;

    private const string ReadForward = $"""
        SELECT {EventColumns} FROM events
        WHERE stream_id = @stream_id AND version >= @from_version
        ORDER BY version LIMIT @limit
        """;

    private const string ReadBackward = $"""
        SELECT {EventColumns} FROM events
        WHERE stream_id = @stream_id AND version <= @from_version
        ORDER BY version DESC LIMIT @limit
        """;

    /// <summary>The stream's committed version, or 0 when it does not exist.</summary>
    public static async Task<long> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid streamId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM event_streams WHERE stream_id = @stream_id", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("stream_id", streamId));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    public static async Task<StreamState?> ReadStateAsync(NpgsqlConnection connection, Guid streamId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT stream_type, version, created_at, updated_at FROM event_streams WHERE stream_id = @stream_id", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid>("stream_id", streamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new StreamState(streamId, reader.GetString(0), reader.GetInt64(1),
            reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3));
    }

    /// <summary>
    /// Up to <paramref name="maxCount"/> events from <paramref name="fromVersion"/> on (forward: that version and
    /// later; backward: that version and earlier). One extra row is asked for to know whether another page follows.
    /// </summary>
    public static async Task<StreamPage> ReadPageAsync(NpgsqlConnection connection, Guid streamId, ReadDirection direction,
        long fromVersion, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(direction == ReadDirection.Forward ? ReadForward : ReadBackward, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid>("stream_id", streamId));
        command.Parameters.Add(new NpgsqlParameter<long>("from_version", fromVersion));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", maxCount + 1));
        var events = new List<RecordedEvent>(Math.Min(maxCount + 1, 256));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(ReadEvent(reader));
            }
        }
        if (events.Count <= maxCount)
        {
            return new StreamPage(events, NextVersion: null);
        }
        var next = events[maxCount].Version;
        events.RemoveAt(maxCount);
        return new StreamPage(events, next);
    }

    private static RecordedEvent ReadEvent(NpgsqlDataReader reader)
    {
        var userId = NullableString(reader, 5);
        var actor = userId is null ? null : new EventActor(userId, NullableString(reader, 6), NullableString(reader, 7));
        var metadata = new EventMetadata(actor, NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10));
        return new RecordedEvent(
            Position: reader.GetInt64(0),
            StreamId: reader.GetGuid(1),
            Version: reader.GetInt64(2),
            EventType: reader.GetString(3),
            Data: reader.GetString(4),
            Metadata: metadata,
            RecordedAt: reader.GetFieldValue<DateTimeOffset>(11));
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
