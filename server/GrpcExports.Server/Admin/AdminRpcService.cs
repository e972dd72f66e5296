using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Hosting;

namespace GrpcExports.Server.Admin;

/// <summary>
/// grpcexports.v1.AdminService: administration: API keys and the audit log. RPCs whose issue has not landed yet answer UNIMPLEMENTED.
/// </summary>
internal sealed class AdminRpcService : IGrpcService
{
    public static ServiceDescriptor Descriptor => AdminServiceReflection.Descriptor.Services[0];

    public Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AdminService.CreateApiKey", issue: 9);

    public Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AdminService.ListApiKeys", issue: 9);

    public Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AdminService.RevokeApiKey", issue: 9);

    public Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AdminService.ListAuditEvents", issue: 9);
}
