using Npgsql;
using NpgsqlTypes;

namespace Benchmarks.Store;

/// <summary>
/// The design the event store is measured against: one table row holding the whole editor state per version, in the
/// same database. A sync inserts the next version (the primary key refuses a concurrent duplicate); the latest state
/// is the row with the highest version.
/// </summary>
public sealed class NaiveStateTable(NpgsqlDataSource database)
{
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            CREATE TABLE naive_project_states (
                project_id   uuid        NOT NULL,
                version      bigint      NOT NULL,
                editor_state json        NOT NULL,
                recorded_at  timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (project_id, version)
            )
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stores the state as the project's next version and returns that version.</summary>
    public async Task<long> SyncAsync(Guid projectId, string editorStateJson, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO naive_project_states (project_id, version, editor_state)
            SELECT @id, coalesce(max(version), 0) + 1, @state FROM naive_project_states WHERE project_id = @id
            RETURNING version
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
        command.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Json) { Value = editorStateJson });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Writes versions 1..count at once (COPY), to give a project a long history quickly.</summary>
    public async Task LoadHistoryAsync(Guid projectId, int count, Func<int, string> stateAtVersion, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY naive_project_states (project_id, version, editor_state) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var version = 1; version <= count; version++)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(projectId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync((long)version, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(stateAtVersion(version), NpgsqlDbType.Json, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The state at <paramref name="version"/>, or the latest when it is 0.</summary>
    public async Task<string> ReadAsync(Guid projectId, long version, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(version == 0
            ? "SELECT editor_state::text FROM naive_project_states WHERE project_id = @id ORDER BY version DESC LIMIT 1"
            : "SELECT editor_state::text FROM naive_project_states WHERE project_id = @id AND version = @version");
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
        command.Parameters.Add(new NpgsqlParameter<long>("version", version));
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
