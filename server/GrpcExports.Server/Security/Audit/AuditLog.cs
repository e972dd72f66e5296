using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Database;
using Npgsql;
using NpgsqlTypes;

namespace GrpcExports.Server.Security.Audit;

/// <summary>
/// The append-only audit log (table audit_log, Database/Migrations/0010_api_keys_and_audit.sql): entries are added and
/// read, never changed; the database refuses UPDATE, DELETE and TRUNCATE on it.
/// </summary>
internal sealed class AuditLog(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const int MaxUserAgentLength = 256;

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            const string sql = """
                INSERT INTO audit_log (created_at, kind, user_id, api_key_id, api_key_name, user_agent, method, resource, status_code, peer)
                VALUES (@at, @kind, @user, @key, @key_name, @agent, @method, @resource, @status, @peer)
                """;
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", clock.GetUtcNow()));
            command.Parameters.Add(new NpgsqlParameter<int>("kind", (int)entry.Kind));
            command.Parameters.Add(new NpgsqlParameter<string>("user", entry.Actor.UserId));
            command.Parameters.Add(new NpgsqlParameter<string>("key", entry.Actor.ApiKeyId));
            command.Parameters.Add(new NpgsqlParameter<string>("key_name", entry.Actor.ApiKeyName));
            var agent = entry.Actor.UserAgent;
            command.Parameters.Add(new NpgsqlParameter<string>("agent", agent.Length > MaxUserAgentLength ? agent[..MaxUserAgentLength] : agent));
            command.Parameters.Add(new NpgsqlParameter<string>("method", entry.Method));
            command.Parameters.Add(new NpgsqlParameter<string>("resource", entry.Resource));
            command.Parameters.Add(new NpgsqlParameter<int>("status", entry.StatusCode));
            command.Parameters.Add(new NpgsqlParameter<string>("peer", entry.Peer));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Entries newest first, before the sequence <paramref name="before"/> when given, matching the filters.</summary>
    public Task<IReadOnlyList<AuditEvent>> ListAsync(string? userId, IReadOnlyCollection<AuditEventKind> kinds, DateTimeOffset? start,
        DateTimeOffset? end, long? before, int limit, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync<IReadOnlyList<AuditEvent>>(async () =>
        {
            const string sql = """
                SELECT sequence, created_at, kind, user_id, api_key_id, api_key_name, user_agent, method, resource, status_code, peer
                FROM audit_log
                WHERE (@user::text IS NULL OR user_id = @user)
                  AND (cardinality(@kinds) = 0 OR kind = ANY(@kinds))
                  AND (@start::timestamptz IS NULL OR created_at >= @start)
                  AND (@end::timestamptz IS NULL OR created_at < @end)
                  AND (@before::bigint IS NULL OR sequence < @before)
                ORDER BY sequence DESC
                LIMIT @limit
                """;
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter("user", NpgsqlDbType.Text) { Value = (object?)userId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<int[]>("kinds", kinds.Select(kind => (int)kind).ToArray()));
            command.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = (object?)start ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = (object?)end ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("before", NpgsqlDbType.Bigint) { Value = (object?)before ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
            var events = new List<AuditEvent>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(new AuditEvent
                {
                    Sequence = reader.GetInt64(0),
                    CreateTime = Timestamp.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(1)),
                    Kind = (AuditEventKind)reader.GetInt32(2),
                    Actor = new Actor
                    {
                        UserId = reader.GetString(3),
                        ApiKeyId = reader.GetString(4),
                        ApiKeyName = reader.GetString(5),
                        UserAgent = reader.GetString(6),
                    },
                    Method = reader.GetString(7),
                    Resource = reader.GetString(8),
                    StatusCode = reader.GetInt32(9),
                    Peer = reader.GetString(10),
                });
            }
            return events;
        });
}
