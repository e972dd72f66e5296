using GrpcExports.Protocol.V1;
using GrpcExports.Server.Database;
using GrpcExports.Server.Exports.Jobs;
using Npgsql;

namespace GrpcExports.Server.Exports.Deletion;

/// <summary>
/// DeleteExport's work: marks a terminal export deleted (dropping a stateless export's document and freeing its
/// client_task_id for reuse) and then removes its output file. The mark commits first: should the server stop before
/// the file is gone, the retention sweep removes it as the file of a deleted export.
/// </summary>
internal sealed class ExportDeletion(NpgsqlDataSource dataSource)
{
    private const string Lock = """
        SELECT status, output_path, coalesce(octet_length(editor_state::text), 0)
        FROM export_jobs
        WHERE export_id = @id AND owner_id = @owner AND deleted_at IS NULL
        FOR UPDATE
        """;

    private const string MarkDeleted = "UPDATE export_jobs SET deleted_at = now(), editor_state = NULL, client_task_id = '' WHERE export_id = @id";

    /// <summary>What deleting did: null when there was no such export; otherwise its status, and the bytes freed when it was terminal.</summary>
    public async Task<(ExportStatus Status, long FreedBytes)?> DeleteAsync(Guid exportId, string ownerId, CancellationToken cancellationToken)
    {
        var marked = await DatabaseFailures.TranslateAsync<(ExportStatus, string?, long)?>(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            (ExportStatus Status, string? OutputPath, long StateBytes) row;
            await using (var select = new NpgsqlCommand(Lock, connection, transaction))
            {
                select.Parameters.Add(new NpgsqlParameter<Guid>("id", exportId));
                select.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
                row = (ExportStatuses.FromColumn(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2));
            }
            if (!ExportStatuses.IsTerminal(row.Status))
            {
                return row;
            }
            await using (var update = new NpgsqlCommand(MarkDeleted, connection, transaction))
            {
                update.Parameters.Add(new NpgsqlParameter<Guid>("id", exportId));
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return row;
        });
        if (marked is not var (status, outputPath, stateBytes))
        {
            return null;
        }
        return ExportStatuses.IsTerminal(status) ? (status, stateBytes + RemoveFile(outputPath)) : (status, 0);
    }

    /// <summary>Removes the file if it is still there; its size, or 0.</summary>
    private static long RemoveFile(string? path)
    {
        var file = path is null ? null : new FileInfo(path);
        if (file is not { Exists: true })
        {
            return 0;
        }
        var size = file.Length;
        file.Delete();
        return size;
    }
}
