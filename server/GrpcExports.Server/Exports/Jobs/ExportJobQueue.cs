using GrpcExports.Protocol.Errors;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Database;
using GrpcExports.Server.Events;
using GrpcExports.Server.Exports.History;
using Npgsql;

namespace GrpcExports.Server.Exports.Jobs;

/// <summary>
/// export_jobs as a queue. A worker claims the oldest queued job, or a rendering one whose lease ran out (its worker
/// died), with FOR UPDATE SKIP LOCKED, so workers on every instance take different jobs without waiting on each other.
/// Every later write names the worker: one that lost its lease (taken over, cancelled) changes nothing. A job that
/// finishes records it in its project's history in the same transaction.
/// </summary>
internal sealed class ExportJobQueue(NpgsqlDataSource dataSource, ExportHistory history)
{
    private const string Claim = $"""
        UPDATE export_jobs
        SET status = 'rendering', lease_owner = @worker, lease_expires_at = now() + @lease, attempts = attempts + 1,
            started_at = coalesce(started_at, now()), progress_percent = 0, progress_stage = 1, frames_done = 0, frames_total = 0,
            render_fps = 0, eta_milliseconds = NULL, progress_updated_at = now()
        WHERE export_id = (
            SELECT export_id FROM export_jobs
            WHERE status = 'queued' OR (status = 'rendering' AND lease_expires_at < now() AND attempts < @max_attempts)
            ORDER BY created_at, export_id
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING {ExportJobRows.Columns}, editor_state::text
        """;

    private const string FailExhausted = """
        UPDATE export_jobs
        SET status = 'failed', error_reason = @reason, finished_at = now(), lease_owner = NULL, lease_expires_at = NULL,
            progress_stage = 0, eta_milliseconds = NULL, progress_updated_at = now(),
            error_message = 'The export was started ' || attempts || ' times and its worker stopped each time; it will not be retried.'
        WHERE export_id IN (
            SELECT export_id FROM export_jobs
            WHERE status = 'rendering' AND lease_expires_at < now() AND attempts >= @max_attempts
            FOR UPDATE SKIP LOCKED)
        """;

    private const string HeldBy = "export_id = @id AND lease_owner = @worker AND status = 'rendering'";

    private const string Renew = $"UPDATE export_jobs SET lease_expires_at = now() + @lease WHERE {HeldBy}";

    private const string Checkpoint = $"""
        UPDATE export_jobs
        SET progress_percent = @percent, progress_stage = @stage, frames_done = @done, frames_total = @total, render_fps = @fps,
            eta_milliseconds = @eta, progress_updated_at = @updated
        WHERE {HeldBy}
        """;

    private const string Succeed = $"""
        UPDATE export_jobs
        SET status = 'succeeded', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL, progress_percent = 100,
            progress_stage = 0, frames_done = frames_total, eta_milliseconds = NULL, progress_updated_at = now(),
            output_path = @path, output_size_bytes = @size, output_sha256 = @sha256, output_width = @width, output_height = @height,
            output_has_audio = @audio, skipped_item_ids = @skipped
        WHERE {HeldBy}
        """;

    private const string Fail = $"""
        UPDATE export_jobs
        SET status = 'failed', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL, progress_stage = 0,
            eta_milliseconds = NULL, progress_updated_at = now(), error_reason = @reason, error_message = @message
        WHERE {HeldBy}
        """;

    // A job handed back at shutdown did not fail, so its attempt does not count against the retry limit.
    private const string Release = $"""
        UPDATE export_jobs
        SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, attempts = attempts - 1, progress_percent = 0,
            progress_stage = 0, frames_done = 0, render_fps = 0, eta_milliseconds = NULL, progress_updated_at = now()
        WHERE {HeldBy}
        """;

    /// <summary>Fails with RENDER_RETRIES_EXHAUSTED the jobs whose lease ran out on their last allowed attempt, and returns them.</summary>
    public Task<IReadOnlyList<ExportJob>> FailExhaustedAsync(int maxAttempts, CancellationToken cancellationToken) =>
        FinishAsync(FailExhausted, cancellationToken,
            new NpgsqlParameter<int>("max_attempts", maxAttempts),
            new NpgsqlParameter<string>("reason", ErrorReasons.ToWire(ErrorReason.RenderRetriesExhausted)));

    /// <summary>The next job for <paramref name="workerId"/>, leased for <paramref name="lease"/>, or null when there is none.</summary>
    public Task<ClaimedJob?> ClaimAsync(string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(Claim, connection);
            command.Parameters.Add(new NpgsqlParameter<string>("worker", workerId));
            command.Parameters.Add(new NpgsqlParameter<TimeSpan>("lease", lease));
            command.Parameters.Add(new NpgsqlParameter<int>("max_attempts", maxAttempts));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            var stateColumn = reader.FieldCount - 1;
            return new ClaimedJob(ExportJobRows.Read(reader), reader.IsDBNull(stateColumn) ? null : reader.GetString(stateColumn));
        });

    /// <summary>Extends the lease; false when the worker no longer holds the job (cancelled or taken over).</summary>
    public async Task<bool> RenewAsync(Guid exportId, string workerId, TimeSpan lease, CancellationToken cancellationToken) =>
        await ExecuteAsync(Renew, cancellationToken, Held(exportId, workerId, new NpgsqlParameter<TimeSpan>("lease", lease))) == 1;

    /// <summary>
    /// Records a progress checkpoint (announced to watchers on every instance); false when the job is no longer held. It
    /// keeps the report's own time, not the write's: a checkpoint written late must not look newer to a watcher
    /// (<see cref="Watching.WatchOrder"/>) than the live reports this instance already sent after it.
    /// </summary>
    public async Task<bool> CheckpointAsync(Guid exportId, string workerId, ExportJobProgress progress, CancellationToken cancellationToken) =>
        await ExecuteAsync(Checkpoint, cancellationToken, Held(exportId, workerId,
            new NpgsqlParameter<double>("percent", progress.Percent),
            new NpgsqlParameter<short>("stage", (short)progress.Stage),
            new NpgsqlParameter<long>("done", progress.FramesDone),
            new NpgsqlParameter<long>("total", progress.FramesTotal),
            new NpgsqlParameter<double>("fps", progress.RenderFps),
            new NpgsqlParameter("eta", NpgsqlTypes.NpgsqlDbType.Bigint)
            {
                Value = progress.EstimatedTimeLeft is { } left ? (long)left.TotalMilliseconds : DBNull.Value,
            },
            new NpgsqlParameter<DateTimeOffset>("updated", progress.UpdatedAt ?? DateTimeOffset.UtcNow))) == 1;

    /// <summary>Marks the job succeeded with its file; false when the worker no longer holds it (the caller then deletes the file).</summary>
    public async Task<bool> SucceedAsync(Guid exportId, string workerId, ExportJobOutput output, IReadOnlyList<string> skippedItemIds,
        CancellationToken cancellationToken) =>
        (await FinishAsync(Succeed, cancellationToken, Held(exportId, workerId,
            new NpgsqlParameter<string>("path", output.Path),
            new NpgsqlParameter<long>("size", output.SizeBytes),
            new NpgsqlParameter<string>("sha256", output.Sha256),
            new NpgsqlParameter<int>("width", output.Width),
            new NpgsqlParameter<int>("height", output.Height),
            new NpgsqlParameter<bool>("audio", output.HasAudio),
            new NpgsqlParameter<string[]>("skipped", [.. skippedItemIds])))).Count == 1;

    /// <summary>Marks the job failed; false when the worker no longer holds it.</summary>
    public async Task<bool> FailAsync(Guid exportId, string workerId, ErrorReason reason, string message, CancellationToken cancellationToken) =>
        (await FinishAsync(Fail, cancellationToken, Held(exportId, workerId,
            new NpgsqlParameter<string>("reason", ErrorReasons.ToWire(reason)),
            new NpgsqlParameter<string>("message", message)))).Count == 1;

    /// <summary>Hands the job back to the queue (shutdown); another worker starts it again from the beginning.</summary>
    public async Task<bool> ReleaseAsync(Guid exportId, string workerId, CancellationToken cancellationToken) =>
        await ExecuteAsync(Release, cancellationToken, Held(exportId, workerId)) == 1;

    private static NpgsqlParameter[] Held(Guid exportId, string workerId, params NpgsqlParameter[] more) =>
        [new NpgsqlParameter<Guid>("id", exportId), new NpgsqlParameter<string>("worker", workerId), .. more];

    /// <summary>
    /// Runs an UPDATE that makes jobs terminal and appends each one's event to its project's history, in one transaction;
    /// the number of jobs it finished. Projects are locked in id order, so two of these never wait on each other in a circle.
    /// </summary>
    private Task<IReadOnlyList<ExportJob>> FinishAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters) =>
        DatabaseFailures.TranslateAsync<IReadOnlyList<ExportJob>>(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"{sql} RETURNING {ExportJobRows.Columns}", connection, transaction);
            command.Parameters.AddRange(parameters);
            var finished = await ExportJobRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
            foreach (var job in finished.OrderBy(job => job.ProjectId))
            {
                await history.FinishedAsync(transaction, job, EventMetadata.None, cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return finished;
        });

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddRange(parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        });
}
