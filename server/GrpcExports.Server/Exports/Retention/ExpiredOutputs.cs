using Npgsql;

namespace GrpcExports.Server.Exports.Retention;

/// <summary>
/// Marks succeeded exports that finished longer than the retention ago as expired, a batch at a time, and removes
/// their files. The mark commits before the file goes; a file left by a stop in between is an orphan to
/// <see cref="OrphanedOutputFiles"/>. Instances sharing a database may sweep together (SKIP LOCKED).
/// </summary>
internal sealed class ExpiredOutputs(NpgsqlDataSource dataSource)
{
    public const int BatchSize = 500;

    private const string ExpireBatch = """
        UPDATE export_jobs SET output_expired_at = now()
        WHERE export_id IN (
            SELECT export_id FROM export_jobs
            WHERE status = 'succeeded' AND output_expired_at IS NULL AND deleted_at IS NULL AND finished_at < now() - @retention
            ORDER BY finished_at
            LIMIT @batch
            FOR UPDATE SKIP LOCKED)
        RETURNING output_path
        """;

    /// <summary>Expires every output older than <paramref name="retention"/>; returns how many files it removed.</summary>
    public async Task<int> RemoveAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var removed = 0;
        List<string> paths;
        do
        {
            paths = [];
            await using (var command = dataSource.CreateCommand(ExpireBatch))
            {
                command.Parameters.Add(new NpgsqlParameter<TimeSpan>("retention", retention));
                command.Parameters.Add(new NpgsqlParameter<int>("batch", BatchSize));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!reader.IsDBNull(0))
                    {
                        paths.Add(reader.GetString(0));
                    }
                }
            }
            foreach (var path in paths.Where(File.Exists))
            {
                File.Delete(path);
                removed++;
            }
        }
        while (paths.Count == BatchSize);
        return removed;
    }
}
