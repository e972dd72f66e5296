using Google.Protobuf.Reflection;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Client;

/// <summary>
/// The methods of grpcexports.v1.AssetService, derived from the generated descriptor and checked
/// against it (kind, message types) when first used.
/// </summary>
public static class AssetServiceMethods
{
    private static readonly ServiceDescriptor Service =
        AssetServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AssetService");

    /// <summary>AssetService.UploadAsset (ClientStreaming).</summary>
    public static readonly GrpcMethod<UploadAssetRequest, UploadAssetResponse> UploadAsset =
        GrpcMethod<UploadAssetRequest, UploadAssetResponse>.FromDescriptor(
            Service, "UploadAsset", MethodKind.ClientStreaming);

    /// <summary>AssetService.GetAsset (Unary, idempotent).</summary>
    public static readonly GrpcMethod<GetAssetRequest, GetAssetResponse> GetAsset =
        GrpcMethod<GetAssetRequest, GetAssetResponse>.FromDescriptor(
            Service, "GetAsset", MethodKind.Unary, isIdempotent: true);

    /// <summary>AssetService.ListAssets (Unary, idempotent).</summary>
    public static readonly GrpcMethod<ListAssetsRequest, ListAssetsResponse> ListAssets =
        GrpcMethod<ListAssetsRequest, ListAssetsResponse>.FromDescriptor(
            Service, "ListAssets", MethodKind.Unary, isIdempotent: true);

    /// <summary>AssetService.DeleteAsset (Unary).</summary>
    public static readonly GrpcMethod<DeleteAssetRequest, DeleteAssetResponse> DeleteAsset =
        GrpcMethod<DeleteAssetRequest, DeleteAssetResponse>.FromDescriptor(Service, "DeleteAsset", MethodKind.Unary);
}
