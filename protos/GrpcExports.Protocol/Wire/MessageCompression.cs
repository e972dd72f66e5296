using System.IO.Compression;

namespace GrpcExports.Protocol.Wire;

/// <summary>The message encodings this product speaks: identity and gzip.</summary>
public static class MessageCompression
{
    public const string Identity = "identity";
    public const string Gzip = "gzip";

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
    public static byte[] Decompress(ReadOnlyMemory<byte> payload, int maxSize)
    {
        try
        {
            using var input = new MemoryStream(payload.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
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
    }
}
