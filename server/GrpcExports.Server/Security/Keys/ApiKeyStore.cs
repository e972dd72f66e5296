using System.Security.Cryptography;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Database;
using Npgsql;
using NpgsqlTypes;

namespace GrpcExports.Server.Security.Keys;

/// <summary>API keys and the users they act as, in the tables of Database/Migrations/0010_api_keys_and_audit.sql.</summary>
internal sealed class ApiKeyStore(NpgsqlDataSource dataSource, TimeProvider clock, ApiKeyCache cache)
{
    /// <summary>A key's last use is written at most this often, so calls do not each cost a write.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private const string Columns = "api_key_id, user_id, name, tier, secret_prefix, created_at, last_used_at, revoked_at, expires_at";

    /// <summary>A new key for <paramref name="userId"/> (created on first use) and its secret, which exists only in the answer.</summary>
    public Task<(ApiKeyRow Key, string Secret)> CreateAsync(string userId, string name, AccessTier tier, DateTimeOffset? expiresAt,
        CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            var secret = ApiKeySecret.Generate();
            var now = clock.GetUtcNow();
            const string sql = """
                INSERT INTO users (user_id, created_at) VALUES (@user, @now) ON CONFLICT (user_id) DO NOTHING;
                INSERT INTO api_keys (api_key_id, user_id, name, tier, secret_prefix, secret_hash, created_at, expires_at)
                VALUES (@id, @user, @name, @tier, @prefix, @hash, @now, @expires)
                """;
            await using var batch = dataSource.CreateCommand(sql);
            var key = new ApiKeyRow(Guid.CreateVersion7(now), userId, name, tier, ApiKeySecret.Shown(secret), now, null, null, expiresAt);
            batch.Parameters.Add(new NpgsqlParameter<Guid>("id", key.ApiKeyId));
            batch.Parameters.Add(new NpgsqlParameter<string>("user", userId));
            batch.Parameters.Add(new NpgsqlParameter<string>("name", name));
            batch.Parameters.Add(new NpgsqlParameter<int>("tier", (int)tier));
            batch.Parameters.Add(new NpgsqlParameter<string>("prefix", key.SecretPrefix));
            batch.Parameters.Add(new NpgsqlParameter<byte[]>("hash", ApiKeySecret.Hash(secret)));
            batch.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            batch.Parameters.Add(new NpgsqlParameter("expires", NpgsqlDbType.TimestampTz) { Value = (object?)expiresAt ?? DBNull.Value });
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return (key, secret);
        });

    /// <summary>
    /// The key whose secret is <paramref name="secret"/>, revoked and expired ones included; null when none is. The row is
    /// found by the secret's SHA-256, so lookup time says nothing about stored secrets; the final comparison of the
    /// hashes is constant-time all the same. A usable key may come from the <see cref="ApiKeyCache"/>.
    /// </summary>
    public Task<ApiKeyRow?> FindBySecretAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecret.Hash(secret);
        return cache.Find(hash) is { } cached ? Task.FromResult<ApiKeyRow?>(cached) : FindByHashAsync(hash, cancellationToken);
    }

    private Task<ApiKeyRow?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var command = dataSource.CreateCommand($"SELECT {Columns}, secret_hash FROM api_keys WHERE secret_hash = @hash");
            command.Parameters.Add(new NpgsqlParameter<byte[]>("hash", hash));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            if (!CryptographicOperations.FixedTimeEquals(reader.GetFieldValue<byte[]>(9), hash))
            {
                return null;
            }
            var key = Read(reader);
            if (key.IsActive(clock.GetUtcNow()))
            {
                cache.Remember(hash, key);
            }
            return key;
        });

    public Task<ApiKeyRow?> GetAsync(Guid apiKeyId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM api_keys WHERE api_key_id = @id");
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", apiKeyId));
            return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>
    /// Records a use of the key unless one was recorded within <see cref="LastUseResolution"/>. True when this call
    /// wrote it: exactly one of several servers sharing the database does, so each recorded use is counted once.
    /// </summary>
    public Task<bool> RecordUseAsync(ApiKeyRow key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is { } last && now - last < LastUseResolution)
        {
            return Task.FromResult(false);
        }
        return DatabaseFailures.TranslateAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "UPDATE api_keys SET last_used_at = @now WHERE api_key_id = @id AND (last_used_at IS NULL OR last_used_at <= @stale)");
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", key.ApiKeyId));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("stale", now - LastUseResolution));
            var recorded = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            // Written here or, when not, by another instance within the resolution: either way the next minute's uses write nothing.
            cache.RecordedUse(key.ApiKeyId, now);
            return recorded;
        });
    }

    /// <summary>
    /// Revokes the key now, or keeps the first revocation time of a key already revoked; null when there is no such key.
    /// This server refuses the key from now on; other instances once their cached lookup expires.
    /// </summary>
    public Task<ApiKeyRow?> RevokeAsync(Guid apiKeyId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                $"UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @now) WHERE api_key_id = @id RETURNING {Columns}");
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", apiKeyId));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", clock.GetUtcNow()));
            var revoked = await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
            cache.Forget(apiKeyId);
            return revoked;
        });

    /// <summary>Keys newest first after the cursor, for one user or all, active only unless <paramref name="includeInactive"/>.</summary>
    public Task<IReadOnlyList<ApiKeyRow>> ListAsync(string? userId, bool includeInactive, (DateTimeOffset CreatedAt, Guid Id)? after, int limit,
        CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync<IReadOnlyList<ApiKeyRow>>(async () =>
        {
            var sql = $"""
                SELECT {Columns} FROM api_keys
                WHERE (@user::text IS NULL OR user_id = @user)
                  AND (@inactive OR (revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)))
                  AND (@after_at::timestamptz IS NULL OR (created_at, api_key_id) < (@after_at, @after_id))
                ORDER BY created_at DESC, api_key_id DESC
                LIMIT @limit
                """;
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter("user", NpgsqlDbType.Text) { Value = (object?)userId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<bool>("inactive", includeInactive));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", clock.GetUtcNow()));
            command.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlDbType.TimestampTz) { Value = (object?)after?.CreatedAt ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = (object?)after?.Id ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
            var rows = new List<ApiKeyRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(Read(reader));
            }
            return rows;
        });

    /// <summary>When the user was created (with their first key); null for an unknown user.</summary>
    public Task<DateTimeOffset?> UserCreatedAtAsync(string userId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var command = dataSource.CreateCommand("SELECT created_at FROM users WHERE user_id = @user");
            command.Parameters.Add(new NpgsqlParameter<string>("user", userId));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime at
                ? new DateTimeOffset(at, TimeSpan.Zero)
                : (DateTimeOffset?)null;
        });

    private static async Task<ApiKeyRow?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static ApiKeyRow Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        (AccessTier)reader.GetInt32(3),
        reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
}
