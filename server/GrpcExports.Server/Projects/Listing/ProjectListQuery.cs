using GrpcExports.Server.Database;
using GrpcExports.Server.Projects.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GrpcExports.Server.Projects.Listing;

/// <summary>
/// One page of the owner's live projects from the projection (never from events), most recently edited first with
/// the id as tie-break, continuing strictly after a keyset cursor so that rows changed meanwhile never make a page
/// repeat or skip an unchanged row. Walks the index projects_owner_updated (or projects_owner_folder_updated).
/// </summary>
internal sealed class ProjectListQuery(NpgsqlDataSource dataSource)
{
    // strpos on lower() is a case-insensitive "contains" that needs no escaping of LIKE's % and _.
    private const string Sql = """
        SELECT {0} FROM projects
        WHERE owner_id = @owner AND deleted_at IS NULL
          AND (@folder = '' OR folder_id = @folder)
          AND (@title = '' OR strpos(lower(title), lower(@title)) > 0)
          AND (@after::timestamptz IS NULL OR updated_at >= @after)
          AND (@before::timestamptz IS NULL OR updated_at < @before)
          AND (@cursor_at::timestamptz IS NULL OR (updated_at, project_id) < (@cursor_at, @cursor_id))
        ORDER BY updated_at DESC, project_id DESC
        LIMIT @limit
        """;

    /// <summary>Up to <paramref name="pageSize"/> projects after <paramref name="after"/>, and the cursor of the next page (null on the last).</summary>
    public Task<(IReadOnlyList<ProjectRow> Rows, ProjectListCursor? Next)> ReadPageAsync(ProjectListFilter filter, ProjectListCursor? after,
        int pageSize, bool includeState, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql,
                ProjectRows.SelectList(includeState)), connection);
            command.Parameters.Add(new NpgsqlParameter<string>("owner", filter.OwnerId));
            command.Parameters.Add(new NpgsqlParameter<string>("folder", filter.FolderId));
            command.Parameters.Add(new NpgsqlParameter<string>("title", filter.TitleContains));
            command.Parameters.Add(Time("after", filter.UpdatedAtOrAfter));
            command.Parameters.Add(Time("before", filter.UpdatedBefore));
            command.Parameters.Add(Time("cursor_at", after?.UpdatedAt));
            command.Parameters.Add(new NpgsqlParameter<Guid>("cursor_id", after?.ProjectId ?? Guid.Empty));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", pageSize + 1));
            var rows = new List<ProjectRow>(pageSize + 1);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(ProjectRows.Read(reader));
                }
            }
            if (rows.Count <= pageSize)
            {
                return ((IReadOnlyList<ProjectRow>)rows, (ProjectListCursor?)null);
            }
            rows.RemoveAt(pageSize);
            var last = rows[^1];
            return (rows, new ProjectListCursor(last.UpdatedAt, last.ProjectId));
        });

    private static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = (object?)value ?? DBNull.Value };
}
