using GrpcExports.Grpc.Calls;
using GrpcExports.Grpc.Interception;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Security.Audit;
using GrpcExports.Server.Security.Keys;

namespace GrpcExports.Server.Security.Authentication;

/// <summary>
/// Runs before every product call: finds the key of the `authorization: Bearer` metadata, refuses calls without a
/// usable one (UNAUTHENTICATED) or below their method's tier (PERMISSION_DENIED), makes the key's user the call's
/// <see cref="CallerContext.Caller"/>, and writes the audit entries: failed authentications, a key's use (at most
/// once per <see cref="ApiKeyStore.LastUseResolution"/>), and every destructive call with its outcome.
/// </summary>
internal sealed class ApiKeyAuthentication(ApiKeyStore keys, AuditLog audit, TimeProvider clock) : IServerInterceptor
{
    private const string BearerScheme = "Bearer ";

    public async Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        if (MethodAccess.RequiredTier(context.Method) is not { } required)
        {
            await next();
            return;
        }
        var caller = await AuthenticateAsync(context);
        if (caller.Tier < required)
        {
            throw required == AccessTier.Admin ? AuthenticationErrors.AdminAccessRequired() : AuthenticationErrors.RuntimeAccessForbidden(caller.Tier);
        }
        context.SetCaller(caller);
        if (!DestructiveMethods.Contains(context.Method))
        {
            await next();
            return;
        }
        var status = StatusCode.OK;
        try
        {
            await next();
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
            throw;
        }
        catch (OperationCanceledException)
        {
            status = StatusCode.Cancelled;
            throw;
        }
        catch
        {
            status = StatusCode.Unknown;
            throw;
        }
        finally
        {
            await audit.AppendAsync(Entry(context, AuditEventKind.DestructiveCall, caller.Actor, context.AuditedResourceName(), status), CancellationToken.None);
        }
    }

    private async Task<Caller> AuthenticateAsync(ServerCallContext context)
    {
        var userAgent = context.RequestHeaders.UserAgent.ToString();
        var header = context.RequestHeaders.Authorization.ToString();
        if (header.Length == 0)
        {
            await RecordFailureAsync(context, new Actor { UserAgent = userAgent });
            throw AuthenticationErrors.Missing();
        }
        var secret = header.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase) ? header[BearerScheme.Length..].Trim() : "";
        var key = ApiKeySecret.IsWellFormed(secret) ? await keys.FindBySecretAsync(secret, context.CancellationToken) : null;
        if (key is null || key.IsExpired(clock.GetUtcNow()))
        {
            await RecordFailureAsync(context, new Actor { UserAgent = userAgent });
            throw AuthenticationErrors.Invalid();
        }
        if (key.RevokedAt is not null)
        {
            await RecordFailureAsync(context, new Actor { ApiKeyId = key.ApiKeyId.ToString(), UserAgent = userAgent });
            throw AuthenticationErrors.Revoked(key.ApiKeyId);
        }
        var caller = new Caller(key.UserId, key.ApiKeyId, key.Name, key.Tier, userAgent);
        if (await keys.RecordUseAsync(key, context.CancellationToken))
        {
            await audit.AppendAsync(Entry(context, AuditEventKind.KeyUsed, caller.Actor, $"api-key:{key.ApiKeyId}", StatusCode.OK), context.CancellationToken);
        }
        return caller;
    }

    private Task RecordFailureAsync(ServerCallContext context, Actor actor) =>
        audit.AppendAsync(Entry(context, AuditEventKind.AuthenticationFailed, actor, "", StatusCode.Unauthenticated), context.CancellationToken);

    private static AuditEntry Entry(ServerCallContext context, AuditEventKind kind, Actor actor, string resource, StatusCode status) =>
        new(kind, actor, context.Method, resource, (int)status, context.Peer);
}
