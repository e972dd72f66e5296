using Google.Protobuf.Reflection;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Client;

/// <summary>
/// The methods of grpcexports.v1.AccountService, derived from the generated descriptor and checked
/// against it (kind, message types) when first used.
/// </summary>
public static class AccountServiceMethods
{
    private static readonly ServiceDescriptor Service =
        AccountServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AccountService");

    /// <summary>AccountService.GetAccount (Unary, idempotent).</summary>
    public static readonly GrpcMethod<GetAccountRequest, GetAccountResponse> GetAccount =
        GrpcMethod<GetAccountRequest, GetAccountResponse>.FromDescriptor(
            Service, "GetAccount", MethodKind.Unary, isIdempotent: true);

    /// <summary>AccountService.RotateWebhookSecret (Unary).</summary>
    public static readonly GrpcMethod<RotateWebhookSecretRequest, RotateWebhookSecretResponse> RotateWebhookSecret =
        GrpcMethod<RotateWebhookSecretRequest, RotateWebhookSecretResponse>.FromDescriptor(
            Service, "RotateWebhookSecret", MethodKind.Unary);
}
