using Google.Protobuf;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Tests.Assets;

/// <summary>Uploads through our client's AssetServiceClient: a header, then the bytes as chunks.</summary>
internal static class AssetUploading
{
    public const int ChunkSize = 256 * 1024;

    public static Task<UploadAssetResponse> UploadAsync(this AssetServiceClient assets, string fileName, byte[] content,
        string mediaType = "", string projectId = "", long sizeBytes = 0, string sha256 = "") =>
        assets.UploadAsync(new AssetUploadHeader { FileName = fileName, MediaType = mediaType, ProjectId = projectId, SizeBytes = sizeBytes, Sha256 = sha256 },
            content.Chunk(ChunkSize));

    public static async Task<UploadAssetResponse> UploadAsync(this AssetServiceClient assets, AssetUploadHeader header, IEnumerable<byte[]> chunks)
    {
        using var call = assets.UploadAssetAsync();
        try
        {
            await call.RequestStream.WriteAsync(new UploadAssetRequest { Header = header });
            foreach (var chunk in chunks)
            {
                await call.RequestStream.WriteAsync(new UploadAssetRequest { Chunk = ByteString.CopyFrom(chunk) });
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (GrpcExports.Protocol.Wire.RpcException)
        {
            // The server refused before the last chunk (a cap crossed): its status is the response's.
        }
        return await call.ResponseAsync;
    }
}
