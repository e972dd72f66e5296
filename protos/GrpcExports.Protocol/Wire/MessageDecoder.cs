using System.Buffers;
using Google.Protobuf;

namespace GrpcExports.Protocol.Wire;

/// <summary>
/// Turns the payload of one frame into a message, the same way for every reader: a compressed payload needs a
/// negotiated grpc-encoding and inflates to at most the size limit; bytes that do not parse are INTERNAL.
/// </summary>
public static class MessageDecoder
{
    /// <param name="payload">The frame's message bytes, possibly in many segments; parsed in place when uncompressed.</param>
    /// <param name="encoding">The sender's grpc-encoding (null or identity when it compresses nothing).</param>
    public static T Decode<T>(MessageParser<T> parser, in ReadOnlySequence<byte> payload, bool compressed, string? encoding, int maxSize)
        where T : IMessage<T>
    {
        if (!compressed)
        {
            return Parse(parser, payload);
        }
        if (encoding is null || encoding.Equals(MessageCompression.Identity, StringComparison.OrdinalIgnoreCase))
        {
            throw MessageFrameErrors.CompressedWithoutEncoding();
        }
        return Parse(parser, new ReadOnlySequence<byte>(MessageCompression.Decompress(payload, maxSize)));
    }

    private static T Parse<T>(MessageParser<T> parser, in ReadOnlySequence<byte> bytes) where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw MessageFrameErrors.Unparsable(e);
        }
    }
}
