using Npgsql;

namespace GrpcExports.Server.Projects.Storage;

/// <summary>
/// Past metadata: the title, description and folder as they were right after a version, folded from the creation
/// event and the metadata updates up to it (only those fields are read, never the editor states beside them).
/// </summary>
internal static class MetadataHistory
{
    private const string Sql = $"""
        SELECT data->>'{ProjectEventData.TitleKey}', data->>'{ProjectEventData.DescriptionKey}', data->>'{ProjectEventData.FolderKey}'
        FROM events
        WHERE stream_id = @id AND version <= @version
          AND event_type IN ('{ProjectEventData.Created}', '{ProjectEventData.Imported}', '{ProjectEventData.MetadataUpdated}')
        ORDER BY version
        """;

    public static async Task<(string Title, string Description, string FolderId)> ReadAsync(NpgsqlConnection connection,
        Guid projectId, long version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
        command.Parameters.Add(new NpgsqlParameter<long>("version", version));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string title = "", description = "", folderId = "";
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            title = reader.IsDBNull(0) ? title : reader.GetString(0);
            description = reader.IsDBNull(1) ? description : reader.GetString(1);
            folderId = reader.IsDBNull(2) ? folderId : reader.GetString(2);
        }
        return (title, description, folderId);
    }
}
