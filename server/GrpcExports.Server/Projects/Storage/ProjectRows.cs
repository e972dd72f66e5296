using Npgsql;
using NpgsqlTypes;

namespace GrpcExports.Server.Projects.Storage;

/// <summary>The SQL of the projection table projects (Database/Migrations/0002_projects.sql).</summary>
internal static class ProjectRows
{
    private const string Columns = """
        project_id, owner_id, title, description, folder_id, version, state_version, {0}, editor_state_size_bytes,
        snapshot_version, created_at, updated_at, state_updated_at, cloned_from_project_id, cloned_from_version
        """;

    public static async Task InsertAsync(NpgsqlTransaction transaction, ProjectRow row, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO projects (project_id, owner_id, title, description, folder_id, version, state_version, editor_state,
                                  editor_state_size_bytes, snapshot_version, created_at, updated_at, state_updated_at,
                                  cloned_from_project_id, cloned_from_version)
            VALUES (@id, @owner, @title, @description, @folder, @version, @state_version, @state, @size, @snapshot, @at, @at, @at,
                    @cloned_from, @cloned_from_version);
            INSERT INTO project_snapshots (project_id, version) VALUES (@id, @snapshot);
            """;
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", row.ProjectId));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", row.OwnerId));
        command.Parameters.Add(new NpgsqlParameter<string>("title", row.Title));
        command.Parameters.Add(new NpgsqlParameter<string>("description", row.Description));
        command.Parameters.Add(new NpgsqlParameter<string>("folder", row.FolderId));
        command.Parameters.Add(new NpgsqlParameter<long>("version", row.Version));
        command.Parameters.Add(new NpgsqlParameter<long>("state_version", row.StateVersion));
        command.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Json) { Value = row.EditorStateJson! });
        command.Parameters.Add(new NpgsqlParameter<long>("size", row.EditorStateSizeBytes));
        command.Parameters.Add(new NpgsqlParameter<long>("snapshot", row.SnapshotVersion));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", row.CreatedAt));
        command.Parameters.Add(new NpgsqlParameter("cloned_from", NpgsqlDbType.Uuid) { Value = (object?)row.ClonedFrom?.ProjectId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("cloned_from_version", NpgsqlDbType.Bigint) { Value = (object?)row.ClonedFrom?.Version ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The caller's live project, or null; with <paramref name="forUpdate"/> its row stays locked until the transaction ends.</summary>
    public static async Task<ProjectRow?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid projectId,
        string ownerId, bool includeState, bool forUpdate, CancellationToken cancellationToken)
    {
        var sql = "SELECT " + SelectList(includeState) + " FROM projects WHERE project_id = @id AND owner_id = @owner AND deleted_at IS NULL"
            + (forUpdate ? " FOR UPDATE" : "");
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>
    /// The global position of the event that set the row's editor state. Null (so never "known") when that event is
    /// not in the statement's snapshot: a writer that committed while this statement waited for the row lock is seen
    /// in the row (PostgreSQL re-reads a row it waited for) but not in this subquery, and then the text is read.
    /// </summary>
    private const string StateEventPosition =
        "(SELECT e.position FROM events e WHERE e.stream_id = projects.project_id AND e.version = projects.state_version)";

    /// <summary>
    /// Locks the caller's live project for a change of its editor state; null when there is no such project. The
    /// state's text is left out (null) when the event that set it is the one at <paramref name="knownStatePosition"/>:
    /// the caller holds that state already.
    /// </summary>
    public static async Task<ProjectRow?> LockForStateChangeAsync(NpgsqlTransaction transaction, Guid projectId,
        string ownerId, long knownStatePosition, CancellationToken cancellationToken)
    {
        var state = $"CASE WHEN {StateEventPosition} = @known THEN NULL ELSE editor_state::text END";
        var sql = "SELECT " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Columns, state)
            + " FROM projects WHERE project_id = @id AND owner_id = @owner AND deleted_at IS NULL FOR UPDATE";
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
        command.Parameters.Add(new NpgsqlParameter<long>("known", knownStatePosition));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>
    /// The SELECT list of a project row: <see cref="Read"/> maps it. The editor state is read only when
    /// <paramref name="includeState"/>.
    /// </summary>
    public static string SelectList(bool includeState) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Columns, includeState ? "editor_state::text" : "NULL::text");

    /// <summary>The project row at the reader's current row (columns as in <see cref="SelectList"/>).</summary>
    public static ProjectRow Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetInt64(5), reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt64(8),
        reader.GetInt64(9), Time(reader, 10), Time(reader, 11), Time(reader, 12),
        reader.IsDBNull(13) ? null : new ProjectVersionPointer(reader.GetGuid(13), reader.GetInt64(14)));

    /// <summary>Records a replaced editor state (and, when the event held the full state, the new snapshot).</summary>
    public static async Task UpdateStateAsync(NpgsqlTransaction transaction, ProjectRow row, bool isSnapshot, CancellationToken cancellationToken)
    {
        var sql = """
            UPDATE projects SET version = @version, state_version = @version, editor_state = @state,
                editor_state_size_bytes = @size, snapshot_version = @snapshot, updated_at = @at, state_updated_at = @at
            WHERE project_id = @id;
            """ + (isSnapshot ? "INSERT INTO project_snapshots (project_id, version) VALUES (@id, @version);" : "");
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", row.ProjectId));
        command.Parameters.Add(new NpgsqlParameter<long>("version", row.Version));
        command.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Json) { Value = row.EditorStateJson! });
        command.Parameters.Add(new NpgsqlParameter<long>("size", row.EditorStateSizeBytes));
        command.Parameters.Add(new NpgsqlParameter<long>("snapshot", row.SnapshotVersion));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", row.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records new metadata (title, description, folder) and the event that changed it.</summary>
    public static async Task UpdateMetadataAsync(NpgsqlTransaction transaction, ProjectRow row, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE projects SET title = @title, description = @description, folder_id = @folder, version = @version, updated_at = @at
            WHERE project_id = @id
            """;
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", row.ProjectId));
        command.Parameters.Add(new NpgsqlParameter<string>("title", row.Title));
        command.Parameters.Add(new NpgsqlParameter<string>("description", row.Description));
        command.Parameters.Add(new NpgsqlParameter<string>("folder", row.FolderId));
        command.Parameters.Add(new NpgsqlParameter<long>("version", row.Version));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", row.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records an event that changed neither the editor state nor the metadata (an export's): only the version moves.</summary>
    public static async Task UpdateVersionAsync(NpgsqlTransaction transaction, Guid projectId, long version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE projects SET version = @version WHERE project_id = @id", transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
        command.Parameters.Add(new NpgsqlParameter<long>("version", version));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the project deleted at <paramref name="version"/>: reads and lists no longer see it; its rows stay.</summary>
    public static async Task MarkDeletedAsync(NpgsqlTransaction transaction, Guid projectId, long version, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE projects SET version = @version, deleted_at = @at WHERE project_id = @id", transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
        command.Parameters.Add(new NpgsqlParameter<long>("version", version));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
}
