using System.Buffers;
using Google.Protobuf;

namespace GrpcExports.Protocol.Wire;

/// <summary>
/// Reads length-prefixed messages from a body stream one at a time (the client's way; the server reads its request
/// pipe with the same <see cref="MessageFrameHeader"/> and <see cref="MessageDecoder"/>). Every failure is an
/// <see cref="RpcException"/>: a message over the size limit is RESOURCE_EXHAUSTED; a truncated frame, a compressed
/// frame without a negotiated encoding, or bytes that do not inflate or parse are INTERNAL.
/// </summary>
public sealed class MessageFrameReader
{
    private readonly Stream _body;
    private readonly int _maxSize;
    private readonly string? _encoding;
    private readonly byte[] _header = new byte[MessageFrameHeader.Size];

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
        var headerRead = await ReadFullyAsync(_header, cancellationToken).ConfigureAwait(false);
        if (headerRead == 0)
        {
            return null;
        }
        if (headerRead < MessageFrameHeader.Size)
        {
            throw MessageFrameErrors.EndedInside(headerRead);
        }
        var header = MessageFrameHeader.Read(_header, _maxSize);
        LastMessageCompressed = header.Compressed;
        // Parsing copies what it keeps, so the payload's buffer goes back to the pool once the message is parsed.
        var payload = ArrayPool<byte>.Shared.Rent(header.Length);
        try
        {
            var payloadRead = await ReadFullyAsync(payload.AsMemory(0, header.Length), cancellationToken).ConfigureAwait(false);
            if (payloadRead < header.Length)
            {
                throw MessageFrameErrors.EndedInside(MessageFrameHeader.Size + payloadRead);
            }
            return MessageDecoder.Decode(parser, new ReadOnlySequence<byte>(payload, 0, header.Length), header.Compressed,
                _encoding, _maxSize);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
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
