using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Hosting;

namespace GrpcExports.Server.Assets;

/// <summary>
/// grpcexports.v1.AssetService: assets: uploads, probing and pre-flight checks. RPCs whose issue has not landed yet answer UNIMPLEMENTED.
/// </summary>
internal sealed class AssetRpcService : IGrpcService
{
    public static ServiceDescriptor Descriptor => AssetServiceReflection.Descriptor.Services[0];

    public Task<UploadAssetResponse> UploadAsset(IAsyncEnumerable<UploadAssetRequest> requests, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AssetService.UploadAsset", issue: 7);

    public Task<GetAssetResponse> GetAsset(GetAssetRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AssetService.GetAsset", issue: 7);

    public Task<ListAssetsResponse> ListAssets(ListAssetsRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AssetService.ListAssets", issue: 7);

    public Task<DeleteAssetResponse> DeleteAsset(DeleteAssetRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Rpc("AssetService.DeleteAsset", issue: 7);
}
