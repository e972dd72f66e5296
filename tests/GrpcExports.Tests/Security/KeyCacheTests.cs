using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GrpcExports.Tests.Security;

/// <summary>
/// The key lookup cache (Security:KeyCacheLifetime) with real servers sharing one database: the instance that revokes a
/// key refuses it at once, another instance within the configured lifetime, and a cached key writes its last use once.
/// </summary>
public sealed class KeyCacheTests
{
    private const string AnyPort = "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0";

    [Fact]
    public async Task Another_instance_refuses_a_revoked_key_once_its_cached_lookup_is_older_than_the_lifetime()
    {
        var lifetime = TimeSpan.FromMilliseconds(300);
        await using var revoking = await RunningServer.StartAsync(AnyPort);
        var database = $"--Database:ConnectionString={revoking.ConnectionString}";
        await using var longCache = await RunningServer.StartAsync(AnyPort, database, "--Security:KeyCacheLifetime=00:05:00");
        await using var shortCache = await RunningServer.StartAsync(AnyPort, database, $"--Security:KeyCacheLifetime={lifetime:c}");
        using var admin = revoking.Connect();
        var created = await new AdminServiceClient(admin).CreateApiKeyAsync(new CreateApiKeyRequest { UserId = "carol", Name = "ci", Tier = AccessTier.Runtime });
        using var onRevoking = new GrpcConnection(TestApiKeys.Options(revoking.Address, created.Secret));
        using var onLongCache = new GrpcConnection(TestApiKeys.Options(longCache.Address, created.Secret));
        using var onShortCache = new GrpcConnection(TestApiKeys.Options(shortCache.Address, created.Secret));
        foreach (var connection in new[] { onRevoking, onLongCache, onShortCache })
        {
            await ListProjectsAsync(connection);
        }

        await new AdminServiceClient(admin).RevokeApiKeyAsync(new RevokeApiKeyRequest { ApiKeyId = created.ApiKey.Id });

        AssertRevoked(await Assert.ThrowsAsync<RpcException>(() => ListProjectsAsync(onRevoking)), created.ApiKey.Id);
        // Five minutes cannot have passed: the other instance still trusts its cached lookup, which is the bound it states.
        await ListProjectsAsync(onLongCache);
        await Task.Delay(lifetime);
        AssertRevoked(await Assert.ThrowsAsync<RpcException>(() => ListProjectsAsync(onShortCache)), created.ApiKey.Id);
    }

    [Fact]
    public async Task Calls_with_a_cached_key_write_its_last_use_once()
    {
        await using var server = await RunningServer.StartAsync(AnyPort, "--Security:KeyCacheLifetime=00:05:00");
        var secret = await server.CreateApiKeyAsync("dave");
        using var connection = new GrpcConnection(TestApiKeys.Options(server.Address, secret));
        await using var database = NpgsqlDataSource.Create(server.ConnectionString!);

        await ListProjectsAsync(connection);
        var firstUse = await LastUsedAsync(database, "dave");
        for (var call = 0; call < 5; call++)
        {
            await ListProjectsAsync(connection);
        }

        Assert.NotNull(firstUse);
        Assert.Equal(firstUse, await LastUsedAsync(database, "dave"));
        Assert.Equal(1, await KeyUseEntriesAsync(database, "dave"));
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:05:01")]
    public async Task A_server_with_an_unusable_cache_lifetime_does_not_start(string lifetime)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningServer.StartAsync(AnyPort, $"--Security:KeyCacheLifetime={lifetime}"));

        Assert.Contains("Security:KeyCacheLifetime must lie between 00:00:00 and 00:05:00", error.Message);
    }

    private static Task ListProjectsAsync(GrpcConnection connection) =>
        new ProjectServiceClient(connection).ListProjectsAsync(new ListProjectsRequest());

    private static void AssertRevoked(RpcException error, string apiKeyId)
    {
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("API_KEY_REVOKED", error.Reason);
        Assert.Equal(apiKeyId, error.ErrorInfo!.Metadata["apiKeyId"]);
    }

    private static async Task<DateTime?> LastUsedAsync(NpgsqlDataSource database, string userId)
    {
        await using var command = database.CreateCommand("SELECT last_used_at FROM api_keys WHERE user_id = @user");
        command.Parameters.AddWithValue("user", userId);
        return await command.ExecuteScalarAsync() as DateTime?;
    }

    private static async Task<long> KeyUseEntriesAsync(NpgsqlDataSource database, string userId)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM audit_log WHERE user_id = @user AND kind = @kind");
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("kind", (int)AuditEventKind.KeyUsed);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
