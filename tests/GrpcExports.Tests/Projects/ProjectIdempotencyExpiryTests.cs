using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GrpcExports.Tests.Projects;

/// <summary>
/// `idempotency-key` records expire after Projects:IdempotencyRetention: the server deletes older ones in bounded
/// batches every Projects:IdempotencyCleanupInterval, and an expired key is free for a new request.
/// </summary>
public sealed class ProjectIdempotencyExpiryTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task RecordsOlderThanTheRetentionAreDeletedAndTheirKeysServeNewRequests()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            "--Projects:IdempotencyRetention=01:00:00", "--Projects:IdempotencyCleanupInterval=00:00:00.200");
        await using var database = NpgsqlDataSource.Create(server.ConnectionString!);
        using var connection = server.Connect();
        var projects = new ProjectServiceClient(connection);
        await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = "expired" } }, WithKey("expired"));
        await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = "kept" } }, WithKey("kept"));
        // More expired records than one delete statement takes, from another owner, and one just inside the retention.
        await ExecuteAsync(database, """
            INSERT INTO idempotency_keys (owner_id, idempotency_key, rpc, request_sha256, response, created_at)
            SELECT 'another-owner', 'old-' || n, 'CreateProject', '\x00', '\x00', now() - interval '2 hours' FROM generate_series(1, 2500) AS n;
            INSERT INTO idempotency_keys (owner_id, idempotency_key, rpc, request_sha256, response, created_at)
            VALUES ('another-owner', 'recent', 'CreateProject', '\x00', '\x00', now() - interval '50 minutes');
            UPDATE idempotency_keys SET created_at = now() - interval '61 minutes' WHERE idempotency_key = 'expired';
            """);

        using var guard = new CancellationTokenSource(HangGuard);
        while (await CountAsync(database, "SELECT count(*) FROM idempotency_keys WHERE created_at < now() - interval '1 hour'") > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), guard.Token);
        }

        var remaining = await KeysAsync(database);
        Assert.Equal(["kept", "recent"], remaining);
        var reused = await projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = "new use of an expired key" } },
            WithKey("expired"));
        Assert.Equal("new use of an expired key", reused.Project.Title);
        var refused = await Assert.ThrowsAsync<RpcException>(() => projects.CreateProjectAsync(
            new CreateProjectRequest { Project = new Project { Title = "another request" } }, WithKey("kept")));
        Assert.Equal((StatusCode.FailedPrecondition, "IDEMPOTENCY_KEY_REUSED"), (refused.StatusCode, refused.Reason));
    }

    [Theory]
    [InlineData("--Projects:IdempotencyRetention=00:00:00", "Projects:IdempotencyRetention must be a positive time span")]
    [InlineData("--Projects:IdempotencyCleanupInterval=-00:01:00", "Projects:IdempotencyCleanupInterval must be a positive time span")]
    public async Task AServerWithAnUnusableRetentionDoesNotStart(string setting, string problem)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", setting));

        Assert.Contains(problem, error.Message);
    }

    private static CallOptions WithKey(string key) => new() { Headers = new Metadata { { "idempotency-key", key } } };

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string[]> KeysAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT idempotency_key FROM idempotency_keys ORDER BY idempotency_key");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return [.. keys];
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
