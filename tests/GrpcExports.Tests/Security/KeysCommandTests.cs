using System.Text.RegularExpressions;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Security.Command;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Security;

/// <summary>`GrpcExports.Server keys ...` against the database a running server uses: the key it prints works there.</summary>
public sealed partial class KeysCommandTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Create_list_and_revoke_work_against_the_configured_database()
    {
        var created = await RunAsync("create", "--user", "ops", "--name", "bootstrap", "--tier", "admin");
        Assert.Equal(0, created.ExitCode);
        var secret = SecretLine().Match(created.Output).Groups["secret"].Value;
        var id = created.Output.Split(' ')[0];
        // The command revokes in the database; a running server sees that once its cached lookup of the key is older than
        // Security:KeyCacheLifetime, so this server on the same database keeps it short.
        var keyCacheLifetime = TimeSpan.FromMilliseconds(200);
        await using var running = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            $"--Database:ConnectionString={server.Server.ConnectionString}", $"--Security:KeyCacheLifetime={keyCacheLifetime:c}");
        using var connection = new GrpcConnection(TestApiKeys.Options(running.Address, secret));
        var account = (await new AccountServiceClient(connection).GetAccountAsync(new GetAccountRequest())).Account;
        Assert.Equal(("ops", AccessTier.Admin, id), (account.UserId, account.Tier, account.ApiKeyId));

        var listed = await RunAsync("list", "--user", "ops");
        Assert.Contains(id, listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("revoke", id)).ExitCode);
        await Task.Delay(keyCacheLifetime);
        var error = await Assert.ThrowsAsync<RpcException>(() => new AccountServiceClient(connection).GetAccountAsync(new GetAccountRequest()));
        Assert.Equal("API_KEY_REVOKED", error.Reason);
        Assert.DoesNotContain(id, (await RunAsync("list", "--user", "ops")).Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create", "--user", "ops")]
    [InlineData("create", "--user", "ops", "--name", "n", "--tier", "root")]
    [InlineData("create", "--user", "not ok", "--name", "n")]
    [InlineData("revoke", "not-a-uuid")]
    [InlineData("rotate")]
    public async Task Bad_commands_say_what_is_wrong_and_change_nothing(params string[] arguments)
    {
        var before = await RunAsync("list", "--include-revoked");

        var result = await RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
        Assert.Equal(before.Output, (await RunAsync("list", "--include-revoked")).Output);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_fails()
    {
        var result = await RunAsync("revoke", Guid.NewGuid().ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no API key", result.Error, StringComparison.Ordinal);
    }

    private sealed record Result(int ExitCode, string Output, string Error);

    private async Task<Result> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await KeysCommand.RunAsync([.. arguments, $"--Database:ConnectionString={server.Server.ConnectionString}"], output, error);
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex("^secret: (?<secret>gx_\\S+)$", RegexOptions.Multiline)]
    private static partial Regex SecretLine();
}
