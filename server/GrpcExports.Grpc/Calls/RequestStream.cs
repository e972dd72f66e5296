using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace GrpcExports.Grpc.Calls;

/// <summary>The request messages of a client-streaming or bidirectional call, in order, readable once.</summary>
internal sealed class RequestStream<T>(PipeMessageReader reader, MessageParser<T> parser, CancellationToken callToken) : IAsyncEnumerable<T>
    where T : class, IMessage<T>
{
    private bool _enumerated;

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("The request stream can be read only once.");
        }
        _enumerated = true;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, cancellationToken);
        while (await reader.ReadRequestAsync(parser, linked.Token).ConfigureAwait(false) is { } message)
        {
            yield return message;
        }
    }
}
