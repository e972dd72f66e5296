using GrpcExports.Protocol.V1;
using GrpcExports.Server.Limits.Storage;

namespace GrpcExports.Server.Assets.Upload;

/// <summary>
/// Reads an UploadAsset stream after its header into an <see cref="IncomingFile"/>, one chunk at a time, enforcing the
/// cap, the owner's storage room and the declared size as the bytes arrive (RESOURCE_EXHAUSTED PAYLOAD_TOO_LARGE or
/// STORAGE_QUOTA_EXCEEDED the moment one is crossed), and afterwards the declared size and SHA-256.
/// </summary>
internal static class UploadReceiver
{
    /// <returns>The SHA-256 of the received bytes, lowercase hex.</returns>
    public static async Task<string> ReceiveAsync(IAsyncEnumerator<UploadAssetRequest> requests, UploadClaim claim, long maxUploadBytes,
        StorageRoom room, IncomingFile file, CancellationToken cancellationToken)
    {
        while (await requests.MoveNextAsync().ConfigureAwait(false))
        {
            var request = requests.Current;
            if (request.PayloadCase != UploadAssetRequest.PayloadOneofCase.Chunk)
            {
                throw AssetErrors.Incomplete("chunk", "Only the first message of an upload carries a header; every later one carries a chunk.");
            }
            var chunk = request.Chunk.Memory;
            if (file.Length + chunk.Length > maxUploadBytes)
            {
                throw AssetErrors.TooLarge(maxUploadBytes);
            }
            if (!room.Fits(file.Length + chunk.Length))
            {
                throw room.Exceeded(file.Length + chunk.Length);
            }
            if (claim.DeclaredSize is { } declared && file.Length + chunk.Length > declared)
            {
                throw AssetErrors.Incomplete("header.size_bytes", $"More bytes arrived than the declared size of {declared}.", declared, file.Length + chunk.Length);
            }
            await file.AppendAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
        if (claim.DeclaredSize is { } size && file.Length != size)
        {
            throw AssetErrors.Incomplete("header.size_bytes", $"The upload ended after {file.Length} of the declared {size} bytes.", size, file.Length);
        }
        var sha256 = await file.CompleteAsync(cancellationToken).ConfigureAwait(false);
        if (claim.DeclaredSha256 is { } declaredSha256 && declaredSha256 != sha256)
        {
            throw AssetErrors.ChecksumMismatch(declaredSha256, sha256);
        }
        return sha256;
    }
}
