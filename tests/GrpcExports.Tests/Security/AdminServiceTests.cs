using System.Security.Cryptography;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Npgsql;

namespace GrpcExports.Tests.Security;

/// <summary>AdminService against the real server and database: keys made, listed and revoked, and the audit log.</summary>
public sealed class AdminServiceTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcConnection _admin = server.Connect();

    private AdminServiceClient Admin => new(_admin);

    public void Dispose() => _admin.Dispose();

    [Fact]
    public async Task A_new_key_is_shown_once_stored_only_as_its_hash_and_acts_as_its_user()
    {
        var created = await Admin.CreateApiKeyAsync(new CreateApiKeyRequest { UserId = "alice", Name = "ci-nightly", Tier = AccessTier.Runtime });

        Assert.Matches("^gx_[A-Za-z0-9_-]{43}$", created.Secret);
        Assert.Equal(created.Secret[..7], created.ApiKey.SecretPrefix);
        using (var connection = new GrpcConnection(TestApiKeys.Options(server.Address, created.Secret)))
        {
            var account = (await new AccountServiceClient(connection).GetAccountAsync(new GetAccountRequest())).Account;
            Assert.Equal("alice", account.UserId);
            Assert.Equal(created.ApiKey.Id, account.ApiKeyId);
            Assert.Equal("ci-nightly", account.ApiKeyName);
            Assert.Equal(AccessTier.Runtime, account.Tier);
        }
        await using var database = NpgsqlDataSource.Create(server.Server.ConnectionString!);
        await using var row = database.CreateCommand("SELECT secret_hash, row_to_json(api_keys)::text FROM api_keys WHERE api_key_id = @id::uuid");
        row.Parameters.AddWithValue("id", created.ApiKey.Id);
        await using var reader = await row.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(created.Secret)), reader.GetFieldValue<byte[]>(0));
        Assert.DoesNotContain(created.Secret[7..], reader.GetString(1), StringComparison.Ordinal);

        var listed = await Admin.ListApiKeysAsync(new ListApiKeysRequest { UserId = "alice" });
        Assert.Equal([created.ApiKey.Id], listed.ApiKeys.Select(key => key.Id));
        Assert.DoesNotContain(created.Secret, listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_stops_at_once_and_revoking_again_changes_nothing()
    {
        var created = await Admin.CreateApiKeyAsync(new CreateApiKeyRequest { UserId = "bob", Name = "laptop", Tier = AccessTier.Runtime });
        using var connection = new GrpcConnection(TestApiKeys.Options(server.Address, created.Secret));
        await new ProjectServiceClient(connection).ListProjectsAsync(new ListProjectsRequest());

        var revoked = (await Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { ApiKeyId = created.ApiKey.Id })).ApiKey;
        var again = (await Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { ApiKeyId = created.ApiKey.Id })).ApiKey;

        var error = await Assert.ThrowsAsync<RpcException>(() => new ProjectServiceClient(connection).ListProjectsAsync(new ListProjectsRequest()));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("API_KEY_REVOKED", error.Reason);
        Assert.Equal(created.ApiKey.Id, error.ErrorInfo!.Metadata["apiKeyId"]);
        Assert.NotNull(revoked.RevokeTime);
        Assert.Equal(revoked.RevokeTime, again.RevokeTime);
        Assert.NotNull(revoked.LastUseTime);
        Assert.Empty((await Admin.ListApiKeysAsync(new ListApiKeysRequest { UserId = "bob" })).ApiKeys);
        Assert.Single((await Admin.ListApiKeysAsync(new ListApiKeysRequest { UserId = "bob", IncludeRevoked = true })).ApiKeys);
    }

    [Fact]
    public async Task Bad_key_requests_name_their_fields_and_unknown_keys_are_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Admin.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            UserId = "no spaces/allowed", Name = "", ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["user_id", "name", "tier", "expire_time"], error.BadRequest!.FieldViolations.Select(v => v.Field));

        var unknown = Guid.NewGuid().ToString();
        var missing = await Assert.ThrowsAsync<RpcException>(() => Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { ApiKeyId = unknown }));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal("API_KEY_NOT_FOUND", missing.Reason);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { ApiKeyId = "gx_secret" }));
        Assert.Equal("api_key_id", malformed.BadRequest!.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Keys_page_newest_first_with_tokens_tied_to_the_filters()
    {
        var ids = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            ids.Add((await Admin.CreateApiKeyAsync(new CreateApiKeyRequest { UserId = "carol", Name = $"key-{index}", Tier = AccessTier.Basic })).ApiKey.Id);
        }
        var seen = new List<string>();
        var request = new ListApiKeysRequest { UserId = "carol", PageSize = 2 };
        do
        {
            var page = await Admin.ListApiKeysAsync(request);
            seen.AddRange(page.ApiKeys.Select(key => key.Id));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(Enumerable.Reverse(ids), seen);
        var first = await Admin.ListApiKeysAsync(new ListApiKeysRequest { UserId = "carol", PageSize = 2 });
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Admin.ListApiKeysAsync(new ListApiKeysRequest { UserId = "dave", PageSize = 2, PageToken = first.NextPageToken }));
        Assert.Equal("INVALID_PAGE_TOKEN", error.Reason);
    }

    [Fact]
    public async Task The_audit_log_holds_key_changes_failed_calls_and_destructive_calls_and_cannot_be_changed()
    {
        var created = await Admin.CreateApiKeyAsync(new CreateApiKeyRequest { UserId = "erin", Name = "editor", Tier = AccessTier.Runtime });
        using var erin = new GrpcConnection(TestApiKeys.Options(server.Address, created.Secret));
        var projects = new ProjectServiceClient(erin);
        var project = (await projects.CreateProjectAsync(new CreateProjectRequest())).Project;
        await projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = project.Id });
        await Assert.ThrowsAsync<RpcException>(() => projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = project.Id }));
        await new ProjectServiceClient(erin).ListProjectsAsync(new ListProjectsRequest());
        await Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { ApiKeyId = created.ApiKey.Id });
        await Assert.ThrowsAsync<RpcException>(() => projects.ListProjectsAsync(new ListProjectsRequest()));

        var erinsEntries = (await Admin.ListAuditEventsAsync(new ListAuditEventsRequest { UserId = "erin" })).AuditEvents;
        Assert.Equal(
            [(AuditEventKind.DestructiveCall, "project:" + project.Id, (int)StatusCode.NotFound),
             (AuditEventKind.DestructiveCall, "project:" + project.Id, 0),
             (AuditEventKind.KeyUsed, "api-key:" + created.ApiKey.Id, 0)],
            erinsEntries.Select(entry => (entry.Kind, entry.Resource, entry.StatusCode)));
        Assert.All(erinsEntries, entry => Assert.Equal(created.ApiKey.Id, entry.Actor.ApiKeyId));
        Assert.Equal("/grpcexports.v1.ProjectService/DeleteProject", erinsEntries[0].Method);

        var keyChanges = (await Admin.ListAuditEventsAsync(new ListAuditEventsRequest
        {
            Kinds = { AuditEventKind.KeyCreated, AuditEventKind.KeyRevoked },
            PageSize = 1000,
        })).AuditEvents.Where(entry => entry.Resource == "api-key:" + created.ApiKey.Id).ToList();
        Assert.Equal([AuditEventKind.KeyRevoked, AuditEventKind.KeyCreated], keyChanges.Select(entry => entry.Kind));
        Assert.All(keyChanges, entry => Assert.Equal(TestApiKeys.TestUserId, entry.Actor.UserId));

        var failure = (await Admin.ListAuditEventsAsync(new ListAuditEventsRequest { Kinds = { AuditEventKind.AuthenticationFailed }, PageSize = 1 }))
            .AuditEvents.Single();
        Assert.Equal(created.ApiKey.Id, failure.Actor.ApiKeyId);
        Assert.Equal((int)StatusCode.Unauthenticated, failure.StatusCode);

        await using var database = NpgsqlDataSource.Create(server.Server.ConnectionString!);
        foreach (var change in (string[])["UPDATE audit_log SET resource = ''", "DELETE FROM audit_log", "TRUNCATE audit_log"])
        {
            await using var command = database.CreateCommand(change);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }
    }
}
