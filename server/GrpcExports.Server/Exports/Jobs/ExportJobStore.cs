using Google.Protobuf;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Database;
using GrpcExports.Server.Events;
using GrpcExports.Server.Exports.History;
using Npgsql;
using NpgsqlTypes;

namespace GrpcExports.Server.Exports.Jobs;

/// <summary>
/// Export rows as the API reads and writes them: creation under the per-user active-export limit, reads, and
/// cancellation. The owner's reads skip deleted exports (Deletion/). The workers' side (claims, leases, results) is <see cref="ExportJobQueue"/>.
/// </summary>
internal sealed class ExportJobStore(NpgsqlDataSource dataSource, ExportHistory history)
{
    /// <summary>
    /// Serialises one user's creations: taken before counting active exports, so two requests at once cannot both
    /// see room for one more. Held until the transaction ends; other users are not held up.
    /// </summary>
    private const string LockOwner = "SELECT pg_advisory_xact_lock(hashtextextended('export_jobs/' || @owner, 0))";

    private const string CountActive = "SELECT count(*) FROM export_jobs WHERE owner_id = @owner AND status IN ('queued', 'rendering')";

    private const string FindClientTask = $"SELECT {ExportJobRows.Columns} FROM export_jobs WHERE owner_id = @owner AND client_task_id = @task";

    private const string Insert = $"""
        INSERT INTO export_jobs (export_id, owner_id, status, name, project_id, project_version, folder_id, editor_state, options,
            client_task_id, webhook_url, duration_seconds, skipped_item_ids, created_at)
        VALUES (@id, @owner, 'queued', @name, @project, @version, @folder, @state::json, @options, @task, @webhook, @duration, @skipped, now())
        RETURNING {ExportJobRows.Columns}
        """;

    private const string Select = $"SELECT {ExportJobRows.Columns} FROM export_jobs WHERE export_id = @id AND owner_id = @owner AND deleted_at IS NULL";

    private const string SelectAnyOwner = $"SELECT {ExportJobRows.Columns} FROM export_jobs WHERE export_id = @id";

    private const string Cancel = $"""
        UPDATE export_jobs
        SET status = 'cancelled', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL, progress_stage = 0,
            eta_milliseconds = NULL, progress_updated_at = now()
        WHERE export_id = @id AND owner_id = @owner AND status IN ('queued', 'rendering') AND deleted_at IS NULL
        RETURNING {ExportJobRows.Columns}
        """;

    /// <summary>
    /// Inserts a queued export in the caller's transaction. With a <c>client_task_id</c> the user already used, the
    /// existing export instead (<c>Deduplicated</c>). Throws RESOURCE_EXHAUSTED EXPORT_CONCURRENCY_LIMIT_EXCEEDED when
    /// the user already has <paramref name="maxActive"/> queued or rendering exports.
    /// </summary>
    public async Task<(ExportJob Job, bool Deduplicated)> CreateAsync(NpgsqlTransaction transaction, NewExportJob job, int maxActive,
        CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        await using (var command = new NpgsqlCommand(LockOwner, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("owner", job.OwnerId));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (job.ClientTaskId.Length > 0)
        {
            await using var find = new NpgsqlCommand(FindClientTask, connection, transaction);
            find.Parameters.Add(new NpgsqlParameter<string>("owner", job.OwnerId));
            find.Parameters.Add(new NpgsqlParameter<string>("task", job.ClientTaskId));
            if ((await ExportJobRows.ReadAllAsync(find, cancellationToken).ConfigureAwait(false)).SingleOrDefault() is { } existing)
            {
                return (existing, true);
            }
        }
        await using (var count = new NpgsqlCommand(CountActive, connection, transaction))
        {
            count.Parameters.Add(new NpgsqlParameter<string>("owner", job.OwnerId));
            var active = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (active >= maxActive)
            {
                throw ExportErrors.ConcurrencyLimitExceeded(maxActive, active);
            }
        }
        await using var insert = new NpgsqlCommand(Insert, connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<Guid>("id", Guid.CreateVersion7()));
        insert.Parameters.Add(new NpgsqlParameter<string>("owner", job.OwnerId));
        insert.Parameters.Add(new NpgsqlParameter<string>("name", job.Name));
        insert.Parameters.Add(new NpgsqlParameter("project", NpgsqlDbType.Uuid) { Value = (object?)job.ProjectId ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter<long>("version", job.ProjectVersion));
        insert.Parameters.Add(new NpgsqlParameter<string>("folder", job.FolderId));
        insert.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Text) { Value = (object?)job.EditorStateJson ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter<byte[]>("options", job.Options.ToByteArray()));
        insert.Parameters.Add(new NpgsqlParameter<string>("task", job.ClientTaskId));
        insert.Parameters.Add(new NpgsqlParameter<string>("webhook", job.WebhookUrl));
        insert.Parameters.Add(new NpgsqlParameter<double>("duration", job.DurationSeconds));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("skipped", [.. job.SkippedItemIds]));
        return ((await ExportJobRows.ReadAllAsync(insert, cancellationToken).ConfigureAwait(false)).Single(), false);
    }

    /// <summary>The caller's export, or null.</summary>
    public Task<ExportJob?> GetAsync(Guid exportId, string ownerId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await ReadOneAsync(connection, null, Select, exportId, ownerId, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>
    /// Any user's export, or null: for passing announced changes on to watchers, who were checked when they subscribed,
    /// and for download URLs, whose signature is checked against the owner read here.
    /// </summary>
    public Task<ExportJob?> GetForWatchersAsync(Guid exportId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(SelectAnyOwner, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", exportId));
            return (await ExportJobRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        });

    /// <summary>
    /// Cancels a queued or rendering export (recording it in the project's history as <paramref name="metadata"/>'s actor)
    /// and returns it; the worker rendering it hears of it through the export_changes notification. An export already
    /// terminal is returned unchanged; null when there is none.
    /// </summary>
    public Task<(ExportJob Job, bool Cancelled)?> CancelAsync(Guid exportId, string ownerId, EventMetadata metadata, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync<(ExportJob, bool)?>(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await ReadOneAsync(connection, transaction, Cancel, exportId, ownerId, cancellationToken).ConfigureAwait(false) is { } cancelled)
                {
                    await history.FinishedAsync(transaction, cancelled, metadata, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return (cancelled, true);
                }
            }
            return await ReadOneAsync(connection, null, Select, exportId, ownerId, cancellationToken).ConfigureAwait(false) is { } current
                ? (current, false)
                : null;
        });

    private static async Task<ExportJob?> ReadOneAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Guid exportId,
        string ownerId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", exportId));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
        return (await ExportJobRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }
}
