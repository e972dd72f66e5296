using GrpcExports.Server.Database;
using Npgsql;
using NpgsqlTypes;

namespace GrpcExports.Server.Exports.Jobs;

/// <summary>Which of the owner's exports ListExports returns; empty or null parts do not filter.</summary>
internal sealed record ExportListFilter(
    string OwnerId,
    Guid? ProjectId,
    string FolderId,
    IReadOnlyList<string> Statuses,
    DateTimeOffset? CreatedAtOrAfter,
    DateTimeOffset? CreatedBefore,
    string ClientTaskId);

/// <summary>Where a page starts in listing order (creation time descending, then id descending): just after this export.</summary>
internal sealed record ExportListCursor(DateTimeOffset CreatedAt, Guid ExportId);

/// <summary>
/// One page of the owner's exports, newest first with the id as tie-break, continuing strictly after a keyset cursor,
/// so exports created meanwhile never make a page repeat or skip one. Walks the index export_jobs_owner_created.
/// </summary>
internal sealed class ExportListQuery(NpgsqlDataSource dataSource)
{
    private const string Sql = $"""
        SELECT {ExportJobRows.Columns} FROM export_jobs
        WHERE owner_id = @owner AND deleted_at IS NULL
          AND (@project::uuid IS NULL OR project_id = @project)
          AND (@folder = '' OR folder_id = @folder)
          AND (cardinality(@statuses) = 0 OR status = ANY (@statuses))
          AND (@after::timestamptz IS NULL OR created_at >= @after)
          AND (@before::timestamptz IS NULL OR created_at < @before)
          AND (@task = '' OR client_task_id = @task)
          AND (@cursor_at::timestamptz IS NULL OR (created_at, export_id) < (@cursor_at, @cursor_id))
        ORDER BY created_at DESC, export_id DESC
        LIMIT @limit
        """;

    /// <summary>Up to <paramref name="pageSize"/> exports after <paramref name="after"/>, and the cursor of the next page (null on the last).</summary>
    public Task<(IReadOnlyList<ExportJob> Jobs, ExportListCursor? Next)> ReadPageAsync(ExportListFilter filter, ExportListCursor? after,
        int pageSize, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.Add(new NpgsqlParameter<string>("owner", filter.OwnerId));
            command.Parameters.Add(new NpgsqlParameter("project", NpgsqlDbType.Uuid) { Value = (object?)filter.ProjectId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<string>("folder", filter.FolderId));
            command.Parameters.Add(new NpgsqlParameter<string[]>("statuses", [.. filter.Statuses]));
            command.Parameters.Add(Time("after", filter.CreatedAtOrAfter));
            command.Parameters.Add(Time("before", filter.CreatedBefore));
            command.Parameters.Add(new NpgsqlParameter<string>("task", filter.ClientTaskId));
            command.Parameters.Add(Time("cursor_at", after?.CreatedAt));
            command.Parameters.Add(new NpgsqlParameter<Guid>("cursor_id", after?.ExportId ?? Guid.Empty));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", pageSize + 1));
            var jobs = await ExportJobRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
            if (jobs.Count <= pageSize)
            {
                return ((IReadOnlyList<ExportJob>)jobs, (ExportListCursor?)null);
            }
            jobs.RemoveAt(pageSize);
            return (jobs, new ExportListCursor(jobs[^1].CreatedAt, jobs[^1].ExportId));
        });

    private static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = value is { } time ? time.UtcDateTime : DBNull.Value };
}
