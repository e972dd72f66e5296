using System.Buffers.Text;
using System.Security.Cryptography;
using GrpcExports.Server.Database;
using Npgsql;

namespace GrpcExports.Server.Exports.Webhooks.Signing;

/// <summary>The users' webhook signing secrets (table webhook_secrets): 256 random bits, base64url.</summary>
internal sealed class WebhookSecretStore(NpgsqlDataSource dataSource)
{
    private const string InsertIfMissing = """
        INSERT INTO webhook_secrets (owner_id, secret, created_at) VALUES (@owner, @secret, now())
        ON CONFLICT (owner_id) DO NOTHING
        """;

    private const string Select = "SELECT secret FROM webhook_secrets WHERE owner_id = @owner";

    private const string Replace = """
        INSERT INTO webhook_secrets (owner_id, secret, created_at) VALUES (@owner, @secret, now())
        ON CONFLICT (owner_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at
        RETURNING created_at
        """;

    /// <summary>The owner's secret, created now if the owner has none yet (their first webhook).</summary>
    public Task<string> GetOrCreateAsync(string ownerId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (var insert = new NpgsqlCommand(InsertIfMissing, connection))
            {
                insert.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
                insert.Parameters.Add(new NpgsqlParameter<string>("secret", NewSecret()));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using var select = new NpgsqlCommand(Select, connection);
            select.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
            return (string)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        });

    /// <summary>Replaces (or creates) the owner's secret in the caller's transaction; returns it and when it took effect.</summary>
    public async Task<(string Secret, DateTimeOffset CreatedAt)> RotateAsync(NpgsqlTransaction transaction, string ownerId,
        CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        await using var command = new NpgsqlCommand(Replace, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
        command.Parameters.Add(new NpgsqlParameter<string>("secret", secret));
        var createdAt = (DateTime)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return (secret, new DateTimeOffset(createdAt, TimeSpan.Zero));
    }

    private static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
