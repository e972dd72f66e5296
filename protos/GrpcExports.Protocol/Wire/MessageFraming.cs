using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace GrpcExports.Protocol.Wire;

/// <summary>
/// Length-prefixed messages: a 1-byte compressed flag, a 4-byte big-endian length, then the message bytes.
/// Both the server and the client read and write their bodies through these two types.
/// </summary>
public static class MessageFraming
{
    public const int HeaderSize = 5;

    /// <summary>
    /// Serializes <paramref name="message"/> into one frame, gzip-compressed when <paramref name="gzip"/> is set.
    /// A message larger than <paramref name="maxSize"/> is RESOURCE_EXHAUSTED.
    /// </summary>
    public static byte[] Frame(IMessage message, bool gzip, int maxSize)
    {
        var size = message.CalculateSize();
        if (size > maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum configured message size ({size} > {maxSize} bytes).");
        }
        if (gzip)
        {
            var compressed = MessageCompression.Compress(message.ToByteArray());
            var gzipFrame = new byte[HeaderSize + compressed.Length];
            WriteHeader(gzipFrame, compressed: true, compressed.Length);
            compressed.CopyTo(gzipFrame.AsSpan(HeaderSize));
            return gzipFrame;
        }
        var frame = new byte[HeaderSize + size];
        WriteHeader(frame, compressed: false, size);
        message.WriteTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }
}

/// <summary>
/// Reads length-prefixed messages from a body stream one at a time. Every failure is an <see cref="RpcException"/>:
/// a message over the size limit is RESOURCE_EXHAUSTED; a truncated frame, a compressed frame without a negotiated
/// encoding, or bytes that do not inflate are INTERNAL.
/// </summary>
public sealed class MessageFrameReader
{
    private readonly Stream _body;
    private readonly int _maxSize;
    private readonly string? _encoding;
    private readonly byte[] _header = new byte[MessageFraming.HeaderSize];

    /// <param name="encoding">The sender's grpc-encoding (null or identity when it compresses nothing).</param>
    public MessageFrameReader(Stream body, int maxSize, string? encoding)
    {
        _body = body;
        _maxSize = maxSize;
        _encoding = encoding;
    }

    /// <summary>Whether the last message read arrived with the compressed flag set.</summary>
    public bool LastMessageCompressed { get; private set; }

    /// <summary>The next message, or null at the end of the stream.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var payload = await ReadPayloadAsync(cancellationToken).ConfigureAwait(false);
        if (payload is null)
        {
            return null;
        }
        try
        {
            // The span overload parses without allocating a CodedInputStream per message.
            return parser.ParseFrom(new ReadOnlySpan<byte>(payload));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(StatusCode.Internal, "Could not parse the message: " + e.Message, inner: e);
        }
    }

    private async ValueTask<byte[]?> ReadPayloadAsync(CancellationToken cancellationToken)
    {
        var headerRead = await ReadFullyAsync(_header, cancellationToken).ConfigureAwait(false);
        if (headerRead == 0)
        {
            return null;
        }
        if (headerRead < MessageFraming.HeaderSize)
        {
            throw new RpcException(StatusCode.Internal, "The stream ended inside a message header.");
        }
        var compressed = _header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(StatusCode.Internal, $"Invalid compressed flag {_header[0]} in a message header."),
        };
        LastMessageCompressed = compressed;
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(1));
        if (length > _maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"Received message exceeds the maximum configured message size ({length} > {_maxSize} bytes).");
        }
        var payload = new byte[length];
        if (await ReadFullyAsync(payload, cancellationToken).ConfigureAwait(false) < length)
        {
            throw new RpcException(StatusCode.Internal, "The stream ended inside a message.");
        }
        if (!compressed)
        {
            return payload;
        }
        if (_encoding is null || _encoding.Equals(MessageCompression.Identity, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(StatusCode.Internal, "A compressed message arrived without a grpc-encoding to decode it.");
        }
        return MessageCompression.Decompress(payload, _maxSize);
    }

    private async ValueTask<int> ReadFullyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await _body.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }
}
