using GrpcExports.Protocol.V1;

namespace GrpcExports.Client;

/// <summary>
/// Uploaded media files that editor states reference by asset id (grpcexports.v1.AssetService).
/// Calls fail with <see cref="GrpcExports.Protocol.Wire.RpcException"/> carrying the status code and the ErrorInfo
/// reason.
/// </summary>
public sealed class AssetServiceClient
{
    /// <summary>A client of AssetService over <paramref name="connection"/>.</summary>
    public AssetServiceClient(GrpcConnection connection)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <summary>The connection the calls go through.</summary>
    public GrpcConnection Connection { get; }

    /// <summary>
    /// Uploads one file: the client sends an AssetUploadHeader first, then the bytes in order as chunks, then
    /// half-closes. Write the requests, complete the stream, then await the response.
    /// </summary>
    public ClientStreamingCall<UploadAssetRequest, UploadAssetResponse> UploadAssetAsync(
        CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.ClientStreaming(AssetServiceMethods.UploadAsset, options, cancellationToken);

    /// <summary>Reads one asset's record and probed facts.</summary>
    public Task<GetAssetResponse> GetAssetAsync(
        GetAssetRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(AssetServiceMethods.GetAsset, request, options, cancellationToken);

    /// <summary>
    /// Lists the caller's assets, newest first (create_time descending, then id), optionally only those uploaded for
    /// one project and/or of one kind.
    /// </summary>
    public Task<ListAssetsResponse> ListAssetsAsync(
        ListAssetsRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(AssetServiceMethods.ListAssets, request, options, cancellationToken);

    /// <summary>Deletes an asset record, and its content when no other asset of the user shares it.</summary>
    public Task<DeleteAssetResponse> DeleteAssetAsync(
        DeleteAssetRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(AssetServiceMethods.DeleteAsset, request, options, cancellationToken);
}
