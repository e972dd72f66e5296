using System.Security.Cryptography;

namespace GrpcExports.Server.Assets.Upload;

/// <summary>
/// An upload on its way to disk: a fresh file in the incoming folder that the bytes are appended to as they arrive,
/// hashed on the way. Disposing deletes the file unless it was moved into the content store first, so a failed,
/// refused or cancelled upload leaves nothing behind. The file stays open (and so under its shared advisory lock, see
/// <see cref="IncomingSweep"/>) until then: probing reads it beside the open handle.
/// </summary>
internal sealed class IncomingFile : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private IncomingFile(string path)
    {
        Path = path;
        // No buffer of our own: each chunk (a gRPC message, at most the max message size) goes straight to the file.
        // FileShare.Read takes a shared flock on Unix, held while the handle is open: it marks the upload as alive.
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
    }

    public string Path { get; }

    public long Length { get; private set; }

    public static IncomingFile Create(string incomingDirectory)
    {
        Directory.CreateDirectory(incomingDirectory);
        return new IncomingFile(System.IO.Path.Combine(incomingDirectory, $"{Guid.NewGuid():N}.part"));
    }

    public async Task AppendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        _sha256.AppendData(bytes.Span);
        await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        Length += bytes.Length;
    }

    /// <summary>Flushes the file (it stays open until disposed); returns the SHA-256 of everything appended, lowercase hex.</summary>
    public async Task<string> CompleteAsync(CancellationToken cancellationToken)
    {
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(_sha256.GetHashAndReset());
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _sha256.Dispose();
        File.Delete(Path);
    }
}
