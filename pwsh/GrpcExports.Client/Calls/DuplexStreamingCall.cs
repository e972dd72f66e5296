using System.Runtime.CompilerServices;
using Google.Protobuf;
using GrpcExports.Client.Internal;

namespace GrpcExports.Client;

/// <summary>
/// A running bidirectional call: write to <see cref="RequestStream"/> and read <see cref="ResponseStream"/>, in any
/// interleaving. Dispose the call to cancel it if it is abandoned.
/// </summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class DuplexStreamingCall<TRequest, TResponse> : IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>, new()
{
    private readonly StreamingCallCore<TRequest> _core;
    private int _readStarted;

    internal DuplexStreamingCall(StreamingCallCore<TRequest> core)
    {
        _core = core;
    }

    /// <summary>Where the request messages go.</summary>
    public IRequestStreamWriter<TRequest> RequestStream => _core.Writer;

    /// <summary>
    /// The response messages, read once. The enumeration ends when the server ends the call with OK and throws
    /// <see cref="GrpcExports.Protocol.Wire.RpcException"/> otherwise; cancelling its token cancels the call.
    /// </summary>
    public IAsyncEnumerable<TResponse> ResponseStream => ReadResponsesAsync();

    /// <summary>The response headers (metadata only); fails with the call's status if the call fails before them.</summary>
    public Task<Metadata> ResponseHeadersAsync => _core.Attempt.ResponseHeaders;

    /// <summary>The trailers (metadata only), once the response stream has been read to its end; otherwise null.</summary>
    public Metadata? Trailers => _core.Attempt.Trailers;

    /// <summary>How the call ended, or null while it runs.</summary>
    public CallStatus? Status => _core.Attempt.Status;

    /// <summary>Cancels the call if it is still running and frees its resources.</summary>
    public void Dispose() => _core.Dispose();

    private async IAsyncEnumerable<TResponse> ReadResponsesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _readStarted, 1) == 1)
        {
            throw new InvalidOperationException("The response stream of a call can be read only once.");
        }
        using var cancelCall = cancellationToken.UnsafeRegister(
            static state => ((StreamingCallCore<TRequest>)state!).Cancel("Reading the responses was cancelled."), _core);
        var parser = MessageParsers<TResponse>.Parser;
        while (await _core.ReadMessageAsync(parser).ConfigureAwait(false) is { } message)
        {
            yield return message;
        }
    }
}
