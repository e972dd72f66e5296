using Google.Protobuf;
using GrpcExports.Server.Assets;
using GrpcExports.Server.Assets.Upload;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>
/// Reads the chunks of an ImportProjectFile or ValidateProjectFile stream after its header into an
/// <see cref="IncomingFile"/>, enforcing the size cap as the bytes arrive and the declared size and SHA-256 at the end.
/// </summary>
internal static class ProjectFileReceiver
{
    /// <param name="chunkOf">The message's chunk, or null when it carries something else (a second header).</param>
    /// <returns>The SHA-256 of the file, lowercase hex.</returns>
    public static async Task<string> ReceiveAsync<TRequest>(IAsyncEnumerator<TRequest> requests, Func<TRequest, ByteString?> chunkOf,
        long declaredSize, string declaredSha256, long maxBytes, IncomingFile file, CancellationToken cancellationToken)
    {
        if (declaredSize > maxBytes)
        {
            throw ProjectFileErrors.TooLarge(maxBytes);
        }
        while (await requests.MoveNextAsync().ConfigureAwait(false))
        {
            var chunk = chunkOf(requests.Current)
                ?? throw AssetErrors.Incomplete("chunk", "Only the first message carries a header; every later one carries a chunk.");
            if (file.Length + chunk.Length > maxBytes)
            {
                throw ProjectFileErrors.TooLarge(maxBytes);
            }
            if (declaredSize > 0 && file.Length + chunk.Length > declaredSize)
            {
                throw AssetErrors.Incomplete("header.size_bytes", $"More bytes arrived than the declared size of {declaredSize}.", declaredSize, file.Length + chunk.Length);
            }
            await file.AppendAsync(chunk.Memory, cancellationToken).ConfigureAwait(false);
        }
        if (declaredSize > 0 && file.Length != declaredSize)
        {
            throw AssetErrors.Incomplete("header.size_bytes", $"The file ended after {file.Length} of the declared {declaredSize} bytes.", declaredSize, file.Length);
        }
        var sha256 = await file.CompleteAsync(cancellationToken).ConfigureAwait(false);
        if (declaredSha256.Length > 0 && !string.Equals(declaredSha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw AssetErrors.ChecksumMismatch(declaredSha256, sha256);
        }
        return sha256;
    }
}
