using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.Webhooks.Signing;
using GrpcExports.Server.Hosting;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Idempotency;

namespace GrpcExports.Server.Accounts;

/// <summary>
/// grpcexports.v1.AccountService: accounts: tiers, limits and webhook secrets. RPCs whose issue has not landed yet answer UNIMPLEMENTED.
/// </summary>
internal sealed class AccountRpcService(WebhookSecretStore webhookSecrets, IdempotentWrites writes) : IGrpcService
{
    public static ServiceDescriptor Descriptor => AccountServiceReflection.Descriptor.Services[0];

    public Task<GetAccountResponse> GetAccount(GetAccountRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AccountService.GetAccount", issue: 9);

    /// <summary>A new signing secret for the caller's webhooks, shown this once (an `idempotency-key` replays it).</summary>
    public Task<RotateWebhookSecretResponse> RotateWebhookSecret(RotateWebhookSecretRequest request, ServerCallContext context) =>
        writes.RunAsync(LocalOwner.UserId, IdempotencyKey.From(context), nameof(RotateWebhookSecret), request, async transaction =>
        {
            var (secret, createdAt) = await webhookSecrets.RotateAsync(transaction, LocalOwner.UserId, context.CancellationToken);
            return new RotateWebhookSecretResponse { Secret = secret, CreateTime = Timestamp.FromDateTimeOffset(createdAt) };
        }, context.CancellationToken);
}
