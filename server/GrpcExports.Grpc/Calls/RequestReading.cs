using Google.Protobuf;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Grpc.Calls;

/// <summary>
/// Reads request messages for the call handlers. When the client resets the stream (or the connection goes) Kestrel
/// fails the body read with an IOException, sometimes before RequestAborted is signalled; that is the client
/// cancelling, so it becomes CANCELLED here rather than a handler failure (UNKNOWN, logged as an error).
/// </summary>
internal static class RequestReading
{
    public static ValueTask<T?> ReadRequestAsync<T>(this PipeMessageReader reader, MessageParser<T> parser,
        CancellationToken cancellationToken) where T : class, IMessage<T>
    {
        var read = reader.ReadAsync(parser, cancellationToken);
        // A read that found its message already buffered needs no second state machine to watch it fail.
        return read.IsCompletedSuccessfully ? read : ReadOrCancelAsync(read);
    }

    private static async ValueTask<T?> ReadOrCancelAsync<T>(ValueTask<T?> read) where T : class, IMessage<T>
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new RpcException(StatusCode.Cancelled, "The client cancelled the call.", inner: e);
        }
    }
}
