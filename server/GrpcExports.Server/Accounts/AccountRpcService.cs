using System.Reflection;
using Google.Protobuf.WellKnownTypes;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Grpc.Hosting;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Assets;
using GrpcExports.Server.Exports;
using GrpcExports.Server.Exports.Webhooks.Signing;
using GrpcExports.Server.Limits;
using GrpcExports.Server.Projects.Idempotency;
using GrpcExports.Server.Projects.SyncRateLimiting;
using GrpcExports.Server.Security.Authentication;
using GrpcExports.Server.Security.Keys;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Accounts;

/// <summary>
/// grpcexports.v1.AccountService: the caller's own account (GetAccount works with any valid key) and the secret that
/// signs the caller's webhooks.
/// </summary>
internal sealed class AccountRpcService(ApiKeyStore keys, AccountUsageQuery usage, WebhookSecretStore webhookSecrets, IdempotentWrites writes,
    IOptions<ExportsOptions> exports, IOptions<SyncRateOptions> syncRate, IOptions<AssetOptions> assets, IOptions<LimitsOptions> limits,
    IOptions<GrpcServerOptions> grpc) : IGrpcService
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
                StorageQuotaBytes = limits.Value.StorageQuotaBytes,
                MaxEditorStateBytes = limits.Value.EditorState.MaxBytes,
                MaxRequestMessageBytes = grpc.Value.MaxReceiveMessageSize,
                MaxTracks = limits.Value.EditorState.MaxTracks,
                MaxItems = limits.Value.EditorState.MaxItems,
                MaxKeyframes = limits.Value.EditorState.MaxKeyframesPerItem,
                MaxDurationSeconds = limits.Value.EditorState.MaxDurationSeconds,
                MaxCompositionSide = limits.Value.EditorState.MaxCompositionLongSide,
            },
            Usage = await usage.ReadAsync(caller.UserId, context.CancellationToken),
        };
        if (await keys.UserCreatedAtAsync(caller.UserId, context.CancellationToken) is { } created)
        {
            account.CreateTime = Timestamp.FromDateTimeOffset(created);
        }
        return new GetAccountResponse { Account = account, ServerVersion = ServerVersion, ServerInstance = Environment.MachineName };
    }

    /// <summary>A new signing secret for the caller's webhooks, shown this once (an `idempotency-key` replays it).</summary>
    public Task<RotateWebhookSecretResponse> RotateWebhookSecret(RotateWebhookSecretRequest request, ServerCallContext context) =>
        writes.RunAsync(context.Caller().UserId, IdempotencyKey.From(context), nameof(RotateWebhookSecret), request, async transaction =>
        {
            var (secret, createdAt) = await webhookSecrets.RotateAsync(transaction, context.Caller().UserId, context.CancellationToken);
            return new RotateWebhookSecretResponse { Secret = secret, CreateTime = Timestamp.FromDateTimeOffset(createdAt) };
        }, context.CancellationToken);
}
