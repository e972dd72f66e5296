using System.Globalization;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Paging;
using GrpcExports.Server.Security.Audit;
using GrpcExports.Server.Security.Authentication;
using GrpcExports.Server.Security.Keys;

namespace GrpcExports.Server.Admin;

/// <summary>
/// grpcexports.v1.AdminService: API keys of every user and the audit log. Only admin-tier keys get here
/// (<see cref="MethodAccess"/>); key creation and revocation are themselves audited.
/// </summary>
internal sealed class AdminRpcService(ApiKeyStore keys, AuditLog audit, TimeProvider clock) : IGrpcService
{
    private const int DefaultKeyPageSize = 50, MaxKeyPageSize = 200;
    private const int DefaultAuditPageSize = 100, MaxAuditPageSize = 1000;

    public static ServiceDescriptor Descriptor => AdminServiceReflection.Descriptor.Services[0];

    public async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        var expiresAt = RequestTimestamps.Read(request.ExpireTime, "expire_time");
        var violations = ApiKeyFields.Violations(request.UserId, request.Name, request.Tier, expiresAt, clock.GetUtcNow());
        if (violations.Count > 0)
        {
            throw ProjectErrors.InvalidRequest(violations);
        }
        var (key, secret) = await keys.CreateAsync(request.UserId, request.Name, request.Tier, expiresAt, context.CancellationToken);
        await AuditAsync(context, AuditEventKind.KeyCreated, key.ApiKeyId);
        return new CreateApiKeyResponse { ApiKey = ApiKeyMessages.ToApiKey(key), Secret = secret };
    }

    public async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize, DefaultKeyPageSize, MaxKeyPageSize);
        if (request.UserId.Length > 0 && ApiKeyFields.UserIdViolation(request.UserId) is { } problem)
        {
            throw ProjectErrors.InvalidRequest("user_id", problem);
        }
        var fingerprint = PageToken.Fingerprint(nameof(ListApiKeys), context.Caller().UserId, request.UserId, request.IncludeRevoked.ToString());
        (DateTimeOffset, Guid)? after = null;
        if (request.PageToken.Length > 0)
        {
            var cursor = PageToken.Read(request.PageToken, fingerprint, cursorLength: 2);
            after = (new DateTimeOffset(long.Parse(cursor[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.Parse(cursor[1]));
        }
        // One row more than the page tells whether another page follows.
        var rows = await keys.ListAsync(request.UserId.Length > 0 ? request.UserId : null, request.IncludeRevoked, after, pageSize + 1,
            context.CancellationToken);
        var page = rows.Take(pageSize).ToList();
        var response = new ListApiKeysResponse { ApiKeys = { page.Select(ApiKeyMessages.ToApiKey) } };
        if (rows.Count > pageSize)
        {
            var last = page[^1];
            response.NextPageToken = PageToken.Issue(fingerprint, [last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), last.ApiKeyId.ToString()]);
        }
        return response;
    }

    public async Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        if (request.ApiKeyId.Length == 0)
        {
            throw ProductErrors.MissingField("api_key_id", "The id of the key to revoke is required.");
        }
        if (!Guid.TryParseExact(request.ApiKeyId, "D", out var apiKeyId))
        {
            throw ProjectErrors.InvalidRequest("api_key_id", "An API key id is a UUID such as 0b6c2f0e-5a53-4a8e-9d3c-2f1c7d5e8a10 (not the secret).");
        }
        var key = await keys.RevokeAsync(apiKeyId, context.CancellationToken) ?? throw AdminErrors.ApiKeyNotFound(apiKeyId);
        await AuditAsync(context, AuditEventKind.KeyRevoked, apiKeyId);
        return new RevokeApiKeyResponse { ApiKey = ApiKeyMessages.ToApiKey(key) };
    }

    public async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize, DefaultAuditPageSize, MaxAuditPageSize);
        List<AuditEventKind> kinds = request.Kinds.Contains(AuditEventKind.Unspecified) ? [] : request.Kinds.Distinct().Order().ToList();
        if (kinds.FirstOrDefault(kind => !Enum.IsDefined(kind)) is var unknown && unknown != AuditEventKind.Unspecified)
        {
            throw ProjectErrors.InvalidRequest("kinds", $"{(int)unknown} is not an AuditEventKind.");
        }
        var start = RequestTimestamps.Read(request.StartTime, "start_time");
        var end = RequestTimestamps.Read(request.EndTime, "end_time");
        var fingerprint = PageToken.Fingerprint(nameof(ListAuditEvents), context.Caller().UserId, request.UserId, string.Join(",", kinds.Select(k => (int)k)),
            start?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "", end?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "");
        long? before = request.PageToken.Length > 0
            ? long.Parse(PageToken.Read(request.PageToken, fingerprint, cursorLength: 1)[0], CultureInfo.InvariantCulture)
            : null;
        var events = await audit.ListAsync(request.UserId.Length > 0 ? request.UserId : null, kinds, start, end, before, pageSize + 1,
            context.CancellationToken);
        var response = new ListAuditEventsResponse { AuditEvents = { events.Take(pageSize) } };
        if (events.Count > pageSize)
        {
            response.NextPageToken = PageToken.Issue(fingerprint, [events[pageSize - 1].Sequence.ToString(CultureInfo.InvariantCulture)]);
        }
        return response;
    }

    private Task AuditAsync(ServerCallContext context, AuditEventKind kind, Guid apiKeyId) =>
        audit.AppendAsync(new AuditEntry(kind, context.Caller().Actor, context.Method, $"api-key:{apiKeyId}", (int)StatusCode.OK, context.Peer),
            CancellationToken.None);
}
