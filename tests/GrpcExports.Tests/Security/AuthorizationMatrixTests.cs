using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Assets;
using GrpcExports.Tests.Exports;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Security;

/// <summary>
/// Every RPC of the product, called with no key, a malformed key, an unknown key, a revoked key, a key without runtime
/// access, a runtime key on AdminService, and another user's key: each gets its status and reason, and no call ever
/// receives a message it should not.
/// </summary>
public sealed class AuthorizationMatrixTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly MediaSamples _samples = new();

    public static TheoryData<string> Methods { get; } = new(ProductMethods.All.Select(ProductMethods.Name));

    public static TheoryData<string> UserMethods { get; } =
        new(ProductMethods.All.Where(method => !ProductMethods.IsAdmin(method)).Select(ProductMethods.Name));

    public void Dispose() => _samples.Dispose();

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Calls_without_a_usable_key_are_unauthenticated(string name)
    {
        var method = ProductMethods.Find(name);
        var revoked = await CreateKeyAsync("matrix-revoked", AccessTier.Admin);
        using (var admin = server.Connect())
        {
            await new AdminServiceClient(admin).RevokeApiKeyAsync(new RevokeApiKeyRequest { ApiKeyId = revoked.ApiKey.Id });
        }
        var unknown = "gx_" + new string('A', 43);

        await AssertRefusedAsync(method, null, StatusCode.Unauthenticated, "API_KEY_MISSING");
        await AssertRefusedAsync(method, "not-a-key", StatusCode.Unauthenticated, "API_KEY_INVALID");
        await AssertRefusedAsync(method, unknown, StatusCode.Unauthenticated, "API_KEY_INVALID");
        await AssertRefusedAsync(method, revoked.Secret, StatusCode.Unauthenticated, "API_KEY_REVOKED");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Keys_below_the_methods_tier_are_permission_denied(string name)
    {
        var method = ProductMethods.Find(name);
        var basic = await CreateKeyAsync("matrix-basic", AccessTier.Basic);
        var runtime = await CreateKeyAsync("matrix-runtime", AccessTier.Runtime);

        if (ProductMethods.IsAdmin(method))
        {
            await AssertRefusedAsync(method, basic.Secret, StatusCode.PermissionDenied, "ADMIN_ACCESS_REQUIRED");
            await AssertRefusedAsync(method, runtime.Secret, StatusCode.PermissionDenied, "ADMIN_ACCESS_REQUIRED");
        }
        else if (ProductMethods.NeedsNoRuntimeAccess(method))
        {
            using var connection = new GrpcConnection(TestApiKeys.Options(server.Address, basic.Secret));
            var outcome = await GenericCall.CallAsync(connection, method, []);
            Assert.NotEqual(StatusCode.Unauthenticated, outcome.Status);
            Assert.NotEqual(StatusCode.PermissionDenied, outcome.Status);
        }
        else
        {
            await AssertRefusedAsync(method, basic.Secret, StatusCode.PermissionDenied, "RUNTIME_ACCESS_FORBIDDEN");
        }
    }

    /// <summary>
    /// Another user naming the owner's project, export or asset gets NOT_FOUND, or exactly what the owner gets for the
    /// same request (a refusal that comes before any lookup); lists and everything else show none of the owner's ids.
    /// </summary>
    [Theory]
    [MemberData(nameof(UserMethods))]
    public async Task Another_users_key_finds_nothing_of_the_owners(string name)
    {
        var method = ProductMethods.Find(name);
        using var owner = server.Connect();
        var owned = await CreateOwnedAsync(owner);
        var (request, namesOwned) = Request(method, owned);
        using var other = new GrpcConnection(TestApiKeys.Options(server.Address, (await CreateKeyAsync("matrix-other", AccessTier.Runtime)).Secret));

        var outcome = await GenericCall.CallAsync(other, method, request, firstResponseOnly: true);

        foreach (var response in outcome.Responses)
        {
            var text = Encoding.UTF8.GetString(response);
            Assert.DoesNotContain(owned.ProjectId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(owned.ExportId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(owned.AssetId, text, StringComparison.Ordinal);
        }
        if (namesOwned && outcome.Status != StatusCode.NotFound)
        {
            var ownersOutcome = await GenericCall.CallAsync(owner, method, request, firstResponseOnly: true);
            Assert.True(ownersOutcome.Status == outcome.Status && ownersOutcome.Reason == outcome.Reason,
                $"{name}: another user got {outcome.Status} {outcome.Reason}, the owner {ownersOutcome.Status} {ownersOutcome.Reason}.");
        }
    }

    private async Task AssertRefusedAsync(MethodDescriptor method, string? secret, StatusCode status, string reason)
    {
        using var connection = secret is null ? new GrpcConnection(server.Address) : new GrpcConnection(TestApiKeys.Options(server.Address, secret));
        var outcome = await GenericCall.CallAsync(connection, method, []);
        Assert.True(outcome.Status == status && outcome.Reason == reason,
            $"{ProductMethods.Name(method)} with {(secret is null ? "no key" : "key " + secret[..Math.Min(7, secret.Length)])}: "
            + $"expected {status} {reason}, got {outcome.Status} {outcome.Reason}.");
        Assert.Empty(outcome.Responses);
    }

    private async Task<CreateApiKeyResponse> CreateKeyAsync(string userId, AccessTier tier)
    {
        using var admin = server.Connect();
        return await new AdminServiceClient(admin).CreateApiKeyAsync(new CreateApiKeyRequest { UserId = userId, Name = "matrix", Tier = tier });
    }

    private sealed record Owned(string ProjectId, string ExportId, string AssetId);

    private async Task<Owned> CreateOwnedAsync(GrpcConnection owner)
    {
        var project = (await new ProjectServiceClient(owner).CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = "owned", EditorState = ExportDocuments.SolidColour("#ff0000", 0.2) },
        })).Project;
        var export = (await new ExportServiceClient(owner).CreateExportAsync(new CreateExportRequest { ProjectId = project.Id })).Export;
        var asset = (await new AssetServiceClient(owner).UploadAsync("owned.png", await _samples.PngAsync(16, 16), projectId: project.Id)).Asset;
        return new Owned(project.Id, export.Id, asset.Id);
    }

    /// <summary>The method's request with every field that names a resource set to the owner's, and whether there was one.</summary>
    private static (byte[] Request, bool NamesOwned) Request(MethodDescriptor method, Owned owned)
    {
        var message = method.InputType.Parser.ParseFrom(ByteString.Empty);
        var namesOwned = false;
        foreach (var field in method.InputType.Fields.InFieldNumberOrder())
        {
            object? value = field.Name switch
            {
                "project_id" => owned.ProjectId,
                "export_id" => owned.ExportId,
                "asset_id" => owned.AssetId,
                "project" when method.Name.StartsWith("Update", StringComparison.Ordinal) => new Project { Id = owned.ProjectId, Title = "taken" },
                "update_mask" => new FieldMask { Paths = { "title" } },
                "version" or "from_version" when field.FieldType == FieldType.Int64 => 1L,
                _ => null,
            };
            if (value is null)
            {
                continue;
            }
            field.Accessor.SetValue(message, value);
            namesOwned |= field.Name is "project_id" or "export_id" or "asset_id" or "project";
        }
        return (message.ToByteArray(), namesOwned);
    }
}
