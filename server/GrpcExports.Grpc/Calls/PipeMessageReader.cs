using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Grpc.Calls;

/// <summary>
/// Reads length-prefixed messages straight from a request's PipeReader, parsing each where it lies in the pipe's
/// buffers instead of copying it out first. The framing rules are those of every reader (<see cref="MessageFrameHeader"/>,
/// <see cref="MessageDecoder"/>): a declared length over the limit is RESOURCE_EXHAUSTED as soon as the header is in,
/// before the message is buffered; a body that ends inside a frame, a bad flag, a compressed frame without an
/// encoding, or bytes that do not inflate are INTERNAL; bytes that do not parse are the client's error, a
/// <see cref="MalformedRequestException"/> naming the field where decoding broke down. Failures of the pipe itself
/// (a client reset is an IOException) pass through unchanged: <see cref="RequestReading"/> turns them into statuses.
/// </summary>
internal sealed class PipeMessageReader(PipeReader body, int maxSize, string? encoding)
{
    /// <summary>Whether the last message read arrived with the compressed flag set.</summary>
    public bool LastMessageCompressed { get; private set; }

    /// <summary>The next message, or null at the end of the body.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (TryTakeMessage(read, parser, out var message))
            {
                return message;
            }
        }
    }

    /// <summary>
    /// Takes the first message off what the pipe holds and advances past its frame. False when its frame is not all
    /// there yet: then everything is marked examined, so the next read waits for more bytes. At the end of the body
    /// it is true with no message, or throws when bytes of an unfinished frame are left.
    /// </summary>
    private bool TryTakeMessage<T>(in ReadResult read, MessageParser<T> parser, out T? message) where T : class, IMessage<T>
    {
        var buffered = read.Buffer;
        var consumed = buffered.Start;
        var examined = buffered.End;
        try
        {
            if (MessageFrameHeader.TryRead(buffered, maxSize, out var header))
            {
                LastMessageCompressed = header.Compressed;
                if (buffered.Length - MessageFrameHeader.Size >= header.Length)
                {
                    var payload = buffered.Slice(MessageFrameHeader.Size, header.Length);
                    // Only this frame is consumed and examined: a next frame already buffered must not wait for more bytes.
                    consumed = examined = payload.End;
                    message = Decode(parser, payload, header.Compressed);
                    return true;
                }
            }
            if (read.IsCompleted)
            {
                if (!buffered.IsEmpty)
                {
                    throw MessageFrameErrors.EndedInside(buffered.Length);
                }
                message = null;
                return true;
            }
            if (read.IsCanceled)
            {
                throw new OperationCanceledException("The read of the request body was cancelled.");
            }
            message = null;
            return false;
        }
        finally
        {
            body.AdvanceTo(consumed, examined);
        }
    }

    private T Decode<T>(MessageParser<T> parser, in ReadOnlySequence<byte> payload, bool compressed) where T : class, IMessage<T>
    {
        try
        {
            return MessageDecoder.Decode(parser, payload, compressed, encoding, maxSize);
        }
        catch (RpcException error) when (error.InnerException is InvalidProtocolBufferException unparsable)
        {
            throw Malformed(parser, payload, compressed, unparsable);
        }
        catch (Exception error) when (error is not RpcException)
        {
            // Protobuf's parser meets some hostile lengths (a length near int.MaxValue) with other exceptions than its own.
            throw Malformed(parser, payload, compressed, error);
        }
    }

    private MalformedRequestException Malformed<T>(MessageParser<T> parser, in ReadOnlySequence<byte> payload, bool compressed, Exception error)
        where T : class, IMessage<T>
    {
        // Only this rare path decompresses a second time: the decoder does not hand out what it inflated.
        var bytes = compressed ? MessageCompression.Decompress(payload, maxSize) : payload.ToArray();
        var type = parser.ParseFrom(ReadOnlySpan<byte>.Empty).Descriptor;
        return new MalformedRequestException(WireFaultLocator.Locate(type, bytes), error.Message, error);
    }
}
