using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Hosting;

namespace GrpcExports.Server.Accounts;

/// <summary>
/// grpcexports.v1.AccountService: accounts: tiers, limits and webhook secrets. RPCs whose issue has not landed yet answer UNIMPLEMENTED.
/// </summary>
internal sealed class AccountRpcService : IGrpcService
{
    public static ServiceDescriptor Descriptor => AccountServiceReflection.Descriptor.Services[0];

    public Task<GetAccountResponse> GetAccount(GetAccountRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AccountService.GetAccount", issue: 9);

    public Task<RotateWebhookSecretResponse> RotateWebhookSecret(RotateWebhookSecretRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AccountService.RotateWebhookSecret", issue: 9);
}
