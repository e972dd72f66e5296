using GrpcExports.Server.Database;
using Npgsql;

namespace GrpcExports.Server.Exports.Webhooks.Outbox;

/// <summary>
/// webhook_events as the senders' queue (the trigger export_jobs_enqueue_webhook fills it). A sender claims the most
/// overdue pending event with FOR UPDATE SKIP LOCKED, which moves its next attempt past the claim's lease, so senders
/// on every instance take different events and none takes one that is being attempted. Only the claim's holder can
/// record the attempt, and recording writes the log row and the event's new state in one statement.
/// </summary>
internal sealed class WebhookOutbox(NpgsqlDataSource dataSource)
{
    private const string Claim = """
        UPDATE webhook_events SET claim_id = @claim, next_attempt_at = now() + @lease
        WHERE event_id = (
            SELECT event_id FROM webhook_events
            WHERE state = 'pending' AND next_attempt_at <= now()
            ORDER BY next_attempt_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING event_id, export_id, owner_id, event_type, url, created_at, attempts, body
        """;

    private const string Record = """
        WITH event AS (
            UPDATE webhook_events
            SET attempts = attempts + 1, state = @state, claim_id = NULL, body = coalesce(body, @body),
                next_attempt_at = CASE WHEN @state = 'pending' THEN now() + @delay ELSE next_attempt_at END
            WHERE event_id = @id AND claim_id = @claim
            RETURNING event_id, attempts, state, next_attempt_at)
        INSERT INTO webhook_deliveries (event_id, attempt, attempted_at, http_status, error_message, state, next_attempt_at, latency_ms)
        SELECT event_id, attempts, @at, @status, @error, state, CASE WHEN state = 'pending' THEN next_attempt_at END, @latency FROM event
        """;

    private const string Release = "UPDATE webhook_events SET claim_id = NULL, next_attempt_at = now() WHERE event_id = @id AND claim_id = @claim";

    /// <summary>The most overdue pending event, claimed for <paramref name="lease"/>; null when none is due.</summary>
    public Task<ClaimedWebhookEvent?> ClaimAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            var claimId = Guid.NewGuid();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(Claim, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("claim", claimId));
            command.Parameters.Add(new NpgsqlParameter<TimeSpan>("lease", lease));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            return new ClaimedWebhookEvent(reader.GetGuid(0), claimId, reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<byte[]>(7));
        });

    /// <summary>
    /// Logs the attempt and sets the event's state: <paramref name="state"/>, and when still pending, the next attempt
    /// after <paramref name="retryDelay"/>. Nothing happens when the claim was lost.
    /// </summary>
    public Task RecordAsync(ClaimedWebhookEvent claimed, byte[] body, WebhookAttempt attempt, string state, TimeSpan retryDelay) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(Record, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", claimed.EventId));
            command.Parameters.Add(new NpgsqlParameter<Guid>("claim", claimed.ClaimId));
            command.Parameters.Add(new NpgsqlParameter<string>("state", state));
            command.Parameters.Add(new NpgsqlParameter<byte[]>("body", body));
            command.Parameters.Add(new NpgsqlParameter<TimeSpan>("delay", retryDelay));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", attempt.AttemptedAt));
            command.Parameters.Add(new NpgsqlParameter<int>("status", attempt.HttpStatus));
            command.Parameters.Add(new NpgsqlParameter<string>("error", attempt.ErrorMessage));
            command.Parameters.Add(new NpgsqlParameter<long>("latency", (long)attempt.Latency.TotalMilliseconds));
            return await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        });

    /// <summary>Gives a claimed event back unattempted (the server is stopping), due at once for any sender.</summary>
    public Task ReleaseAsync(ClaimedWebhookEvent claimed) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(Release, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", claimed.EventId));
            command.Parameters.Add(new NpgsqlParameter<Guid>("claim", claimed.ClaimId));
            return await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        });
}
