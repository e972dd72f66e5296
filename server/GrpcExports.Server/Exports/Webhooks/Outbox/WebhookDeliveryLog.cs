using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Database;
using Npgsql;
using NpgsqlTypes;

namespace GrpcExports.Server.Exports.Webhooks.Outbox;

/// <summary>Where a page of the delivery log starts (attempt time, then event, then attempt number): just after this attempt.</summary>
internal sealed record WebhookDeliveryCursor(DateTimeOffset AttemptedAt, Guid EventId, int Attempt);

/// <summary>One export's delivery attempts (table webhook_deliveries), oldest first, a keyset page at a time.</summary>
internal sealed class WebhookDeliveryLog(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT d.event_id, e.export_id, e.event_type, e.url, d.attempt, d.attempted_at, d.http_status, d.error_message, d.state,
               d.next_attempt_at, d.latency_ms
        FROM webhook_deliveries d JOIN webhook_events e USING (event_id)
        WHERE e.export_id = @export
          AND (@cursor_at::timestamptz IS NULL OR (d.attempted_at, d.event_id, d.attempt) > (@cursor_at, @cursor_event, @cursor_attempt))
        ORDER BY d.attempted_at, d.event_id, d.attempt
        LIMIT @limit
        """;

    /// <summary>Up to <paramref name="pageSize"/> attempts after <paramref name="after"/>, and the cursor of the next page (null on the last).</summary>
    public Task<(IReadOnlyList<WebhookDelivery> Deliveries, WebhookDeliveryCursor? Next)> ReadPageAsync(Guid exportId, WebhookDeliveryCursor? after,
        int pageSize, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("export", exportId));
            command.Parameters.Add(new NpgsqlParameter("cursor_at", NpgsqlDbType.TimestampTz) { Value = (object?)after?.AttemptedAt.UtcDateTime ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<Guid>("cursor_event", after?.EventId ?? Guid.Empty));
            command.Parameters.Add(new NpgsqlParameter<int>("cursor_attempt", after?.Attempt ?? 0));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", pageSize + 1));
            var rows = new List<(WebhookDelivery Delivery, WebhookDeliveryCursor Cursor)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(Read(reader));
                }
            }
            var next = rows.Count > pageSize ? rows[pageSize - 1].Cursor : null;
            return ((IReadOnlyList<WebhookDelivery>)rows.Take(pageSize).Select(row => row.Delivery).ToList(), next);
        });

    private static (WebhookDelivery, WebhookDeliveryCursor) Read(NpgsqlDataReader reader)
    {
        var attemptedAt = reader.GetFieldValue<DateTimeOffset>(5);
        var delivery = new WebhookDelivery
        {
            EventId = reader.GetGuid(0).ToString(),
            ExportId = reader.GetGuid(1).ToString(),
            EventType = WebhookEventTypes.FromColumn(reader.GetString(2)),
            Url = reader.GetString(3),
            Attempt = reader.GetInt32(4),
            AttemptTime = Timestamp.FromDateTimeOffset(attemptedAt),
            HttpStatus = reader.GetInt32(6),
            ErrorMessage = reader.GetString(7),
            State = WebhookEventTypes.StateFromColumn(reader.GetString(8)),
            NextAttemptTime = reader.IsDBNull(9) ? null : Timestamp.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(9)),
            Latency = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(reader.GetInt64(10))),
        };
        return (delivery, new WebhookDeliveryCursor(attemptedAt, reader.GetGuid(0), reader.GetInt32(4)));
    }
}
