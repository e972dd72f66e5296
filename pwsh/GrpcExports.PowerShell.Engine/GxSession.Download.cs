using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using GrpcExports.PowerShell.Output;
using GrpcExports.Protocol.V1;

namespace GrpcExports.PowerShell.Engine;

/// <summary>ExportService/DownloadExport into a file: resumed from what the file holds already, checked against the server's SHA-256.</summary>
internal sealed partial class GxSession
{
    public async IAsyncEnumerable<TransferStep<GxExportFile>> DownloadExportAsync(string id, string filePath,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var existed = File.Exists(filePath);
        var kept = false;
        var file = new FileStream(filePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, useAsync: true);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var offset = await HashAsync(file, hash, cancellationToken).ConfigureAwait(false);
            var call = _exports.DownloadExportAsync(new DownloadExportRequest { ExportId = id, Offset = offset }, cancellationToken: cancellationToken);
            await using var messages = call.GetAsyncEnumerator(cancellationToken);
            var info = (await NextAsync(messages).ConfigureAwait(false))?.Info
                ?? throw new InvalidDataException($"The download of export {id} did not start with its size and checksum.");
            var done = offset;
            yield return new TransferStep<GxExportFile>(done, info.SizeBytes, null);
            while (await NextAsync(messages).ConfigureAwait(false) is { } message)
            {
                var chunk = message.Chunk.Memory;
                await file.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                hash.AppendData(chunk.Span);
                done += chunk.Length;
                // From here on the file holds bytes worth resuming from, should the download be interrupted.
                kept = true;
                yield return new TransferStep<GxExportFile>(done, info.SizeBytes, null);
            }
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            var sha256 = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
            if (done != info.SizeBytes || sha256 != info.Sha256)
            {
                await file.DisposeAsync().ConfigureAwait(false);
                File.Delete(filePath);
                kept = true;
                throw new InvalidDataException(
                    $"{filePath} does not match export {id} ({done} bytes with SHA-256 {sha256}, expected {info.SizeBytes} bytes with {info.Sha256}); it was deleted: save it again.");
            }
            kept = true;
            yield return new TransferStep<GxExportFile>(done, info.SizeBytes, new GxExportFile(id, filePath, done, sha256, offset, done - offset));
        }
        finally
        {
            await file.DisposeAsync().ConfigureAwait(false);
            // A file this call created and never wrote to is not left behind.
            if (!existed && !kept)
            {
                File.Delete(filePath);
            }
        }
    }

    /// <summary>Feeds what the file holds to <paramref name="hash"/> and leaves the position at its end; returns its length.</summary>
    private static async Task<long> HashAsync(FileStream file, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
        return file.Position;
    }
}
