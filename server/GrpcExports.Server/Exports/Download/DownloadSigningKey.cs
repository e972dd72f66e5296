using System.Security.Cryptography;
using GrpcExports.Server.Database;
using Npgsql;

namespace GrpcExports.Server.Exports.Download;

/// <summary>
/// The HMAC key of download tokens, from table download_signing_key (migration 0008): made by the first instance that
/// needs it, read by the others, then kept in memory. The row's insert races harmlessly: the loser reads the winner's key.
/// </summary>
internal sealed class DownloadSigningKey(NpgsqlDataSource dataSource)
{
    private const string CreateOrRead = """
        INSERT INTO download_signing_key (secret) VALUES (@secret) ON CONFLICT (id) DO NOTHING;
        SELECT secret FROM download_signing_key;
        """;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _secret;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_secret is { } known)
        {
            return known;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            return _secret ??= await DatabaseFailures.TranslateAsync(async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var command = new NpgsqlCommand(CreateOrRead, connection);
                command.Parameters.Add(new NpgsqlParameter<byte[]>("secret", RandomNumberGenerator.GetBytes(32)));
                return (byte[])(await command.ExecuteScalarAsync(cancellationToken))!;
            });
        }
        finally
        {
            _loading.Release();
        }
    }
}
