using System.Buffers;
using System.IO.Compression;

namespace GrpcExports.Protocol.Wire;

/// <summary>The message encodings this product speaks: identity and gzip.</summary>
public static class MessageCompression
{
    public const string Identity = "identity";
    public const string Gzip = "gzip";

    // A complete gzip member holding no data: header (no name, no time, OS unknown), an empty final deflate block,
    // CRC-32 0 and length 0.
    private static readonly byte[] EmptyGzip =
        [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    /// <summary>The value of grpc-accept-encoding we send.</summary>
    public const string Supported = "identity,gzip";

    public static bool IsSupported(string encoding) =>
        encoding.Equals(Identity, StringComparison.OrdinalIgnoreCase) || encoding.Equals(Gzip, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a grpc-accept-encoding list names <paramref name="encoding"/>.</summary>
    public static bool Accepts(string? acceptEncoding, string encoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
        {
            return false;
        }
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    public static byte[] Compress(ReadOnlySpan<byte> payload, CompressionLevel level = CompressionLevel.Fastest)
    {
        if (payload.IsEmpty)
        {
            // GZipStream writes nothing at all for empty input, and zero bytes are not a gzip stream: other gRPC
            // implementations (grpc-js, grpc-go) refuse such a message. An empty message must still be valid gzip.
            return EmptyGzip.ToArray();
        }
        using var output = new MemoryStream(payload.Length / 2 + 64);
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(payload);
        }
        return output.ToArray();
    }

    /// <summary>
    /// Inflates a gzip payload, refusing (RESOURCE_EXHAUSTED) to inflate past <paramref name="maxSize"/> bytes so a
    /// small compressed message cannot expand without bound; corrupt data is INTERNAL.
    /// </summary>
    public static byte[] Decompress(ReadOnlyMemory<byte> payload, int maxSize) =>
        Decompress(new ReadOnlySequence<byte>(payload), maxSize);

    /// <summary>
    /// Inflates a gzip payload read in place from its (possibly many) segments, with the same limit and errors as
    /// <see cref="Decompress(ReadOnlyMemory{byte}, int)"/>.
    /// </summary>
    public static byte[] Decompress(in ReadOnlySequence<byte> payload, int maxSize)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InflateChunk);
        try
        {
            using var gzip = new GZipStream(new ReadOnlySequenceStream(payload), CompressionMode.Decompress);
            using var output = new MemoryStream();
            int read;
            while ((read = gzip.Read(buffer, 0, InflateChunk)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(StatusCode.ResourceExhausted,
                        $"Decompressed message exceeds the maximum size of {maxSize} bytes.");
                }
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new RpcException(StatusCode.Internal, "Could not decompress the gzip message.", inner: e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int InflateChunk = 81920;
}
