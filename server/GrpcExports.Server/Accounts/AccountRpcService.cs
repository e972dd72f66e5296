using System.Reflection;
using Google.Protobuf.WellKnownTypes;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Assets;
using GrpcExports.Server.Exports;
using GrpcExports.Server.Hosting;
using GrpcExports.Server.Projects.SyncRateLimiting;
using GrpcExports.Server.Security.Authentication;
using GrpcExports.Server.Security.Keys;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Accounts;

/// <summary>
/// grpcexports.v1.AccountService: the caller's own account (GetAccount works with any valid key). RPCs whose issue has
/// not landed yet answer UNIMPLEMENTED.
/// </summary>
internal sealed class AccountRpcService(ApiKeyStore keys, AccountUsageQuery usage, IOptions<ExportsOptions> exports,
    IOptions<SyncRateOptions> syncRate, IOptions<AssetOptions> assets) : IGrpcService
{
    private static readonly string ServerVersion =
        typeof(AccountRpcService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static ServiceDescriptor Descriptor => AccountServiceReflection.Descriptor.Services[0];

    public async Task<GetAccountResponse> GetAccount(GetAccountRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var account = new Account
        {
            UserId = caller.UserId,
            Tier = caller.Tier,
            ApiKeyId = caller.ApiKeyId.ToString(),
            ApiKeyName = caller.ApiKeyName,
            Limits = new AccountLimits
            {
                MaxActiveExports = exports.Value.MaxActivePerUser,
                SyncRatePerSecond = syncRate.Value.RatePerSecond,
                SyncBurst = syncRate.Value.Burst,
                MaxUploadBytes = assets.Value.MaxUploadBytes,
            },
            Usage = await usage.ReadAsync(caller.UserId, context.CancellationToken),
        };
        if (await keys.UserCreatedAtAsync(caller.UserId, context.CancellationToken) is { } created)
        {
            account.CreateTime = Timestamp.FromDateTimeOffset(created);
        }
        return new GetAccountResponse { Account = account, ServerVersion = ServerVersion, ServerInstance = Environment.MachineName };
    }

    public Task<RotateWebhookSecretResponse> RotateWebhookSecret(RotateWebhookSecretRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AccountService.RotateWebhookSecret", issue: 9);
}
