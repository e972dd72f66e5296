using System.Text.Json.Nodes;
using GrpcExports.Server.EditorState.JsonPatch;
using Npgsql;

namespace GrpcExports.Server.Projects.Storage;

/// <summary>
/// Past editor states: the nearest full state at or below the version (table project_snapshots) plus the patches
/// after it, at most <see cref="ProjectOptions.SnapshotEvery"/> events read.
/// </summary>
internal static class StateHistory
{
    private const string Sql = """
        SELECT version, event_type, data::text, recorded_at
        FROM events
        WHERE stream_id = @id AND version <= @version
          AND version >= (SELECT max(version) FROM project_snapshots WHERE project_id = @id AND version <= @version)
        ORDER BY version
        """;

    /// <summary>The state right after <paramref name="version"/>: its JSON text, the version and time of the event that set it.</summary>
    public static async Task<(string Json, long StateVersion, DateTimeOffset StateTime, DateTimeOffset EventTime)> ReadAsync(
        NpgsqlConnection connection, Guid projectId, long version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
        command.Parameters.Add(new NpgsqlParameter<long>("version", version));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? state = null;
        long stateVersion = 0;
        DateTimeOffset stateTime = default, eventTime = default;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var eventType = reader.GetString(1);
            eventTime = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc));
            if (!ProjectEventData.ChangesState(eventType))
            {
                continue;
            }
            var data = JsonNodes.Parse(reader.GetString(2))!.AsObject();
            var full = ProjectEventData.FullState(eventType, data, out var isFull);
            state = isFull ? full : JsonPatchApply.Apply(state, ProjectEventData.Patch(data));
            stateVersion = reader.GetInt64(0);
            stateTime = eventTime;
        }
        if (stateVersion == 0)
        {
            throw new InvalidOperationException($"Project {projectId} has no full editor state at or below version {version}.");
        }
        return (state?.ToJsonString() ?? "null", stateVersion, stateTime, eventTime);
    }

    /// <summary>The version of the last event recorded at or before <paramref name="time"/>, or 0 when none was.</summary>
    public static async Task<long> VersionAtAsync(NpgsqlConnection connection, Guid projectId, DateTimeOffset time,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(max(version), 0) FROM events WHERE stream_id = @id AND recorded_at <= @time", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("time", time));
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
