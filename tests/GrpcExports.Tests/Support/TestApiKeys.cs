using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Security;
using GrpcExports.Server.Security.Keys;
using Npgsql;

namespace GrpcExports.Tests.Support;

/// <summary>
/// API keys for tests, made the way the server's `keys create` makes them (its key store, on the server's database),
/// and the metadata that sends one.
/// </summary>
public static class TestApiKeys
{
    /// <summary>The user the tests' servers give their ready-made key to.</summary>
    public const string TestUserId = "test-user";

    /// <summary>The `authorization: Bearer` metadata of <paramref name="secret"/>, for <see cref="GrpcConnectionOptions.DefaultMetadata"/>.</summary>
    public static Metadata Authorization(string secret) => new Metadata().Add("authorization", $"Bearer {secret}");

    /// <summary>Options for <paramref name="address"/> that send <paramref name="secret"/> with every call.</summary>
    public static GrpcConnectionOptions Options(Uri address, string secret) => new(address) { DefaultMetadata = Authorization(secret) };

    /// <summary>A new key's secret, made directly in the (migrated) database at <paramref name="connectionString"/>.</summary>
    public static async Task<string> CreateAsync(string connectionString, string userId, AccessTier tier = AccessTier.Admin)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var cache = new ApiKeyCache(Microsoft.Extensions.Options.Options.Create(new SecurityOptions()), TimeProvider.System);
        return await CreateAsync(new ApiKeyStore(dataSource, TimeProvider.System, cache), userId, tier);
    }

    internal static async Task<string> CreateAsync(ApiKeyStore keys, string userId, AccessTier tier = AccessTier.Admin) =>
        (await keys.CreateAsync(userId, $"tests-{tier.ToString().ToLowerInvariant()}", tier, expiresAt: null, CancellationToken.None)).Secret;
}
