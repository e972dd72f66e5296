using Google.Protobuf.Reflection;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Client;

/// <summary>
/// The methods of grpcexports.v1.AdminService, derived from the generated descriptor and checked
/// against it (kind, message types) when first used.
/// </summary>
public static class AdminServiceMethods
{
    private static readonly ServiceDescriptor Service =
        AdminServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AdminService");

    /// <summary>AdminService.CreateApiKey (Unary).</summary>
    public static readonly GrpcMethod<CreateApiKeyRequest, CreateApiKeyResponse> CreateApiKey =
        GrpcMethod<CreateApiKeyRequest, CreateApiKeyResponse>.FromDescriptor(Service, "CreateApiKey", MethodKind.Unary);

    /// <summary>AdminService.ListApiKeys (Unary, idempotent).</summary>
    public static readonly GrpcMethod<ListApiKeysRequest, ListApiKeysResponse> ListApiKeys =
        GrpcMethod<ListApiKeysRequest, ListApiKeysResponse>.FromDescriptor(
            Service, "ListApiKeys", MethodKind.Unary, isIdempotent: true);

    /// <summary>AdminService.RevokeApiKey (Unary, idempotent).</summary>
    public static readonly GrpcMethod<RevokeApiKeyRequest, RevokeApiKeyResponse> RevokeApiKey =
        GrpcMethod<RevokeApiKeyRequest, RevokeApiKeyResponse>.FromDescriptor(
            Service, "RevokeApiKey", MethodKind.Unary, isIdempotent: true);

    /// <summary>AdminService.ListAuditEvents (Unary, idempotent).</summary>
    public static readonly GrpcMethod<ListAuditEventsRequest, ListAuditEventsResponse> ListAuditEvents =
        GrpcMethod<ListAuditEventsRequest, ListAuditEventsResponse>.FromDescriptor(
            Service, "ListAuditEvents", MethodKind.Unary, isIdempotent: true);
}
