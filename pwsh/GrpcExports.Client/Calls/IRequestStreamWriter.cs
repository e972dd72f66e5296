namespace GrpcExports.Client;

/// <summary>The request side of a client-streaming or duplex call.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
public interface IRequestStreamWriter<in TRequest>
{
    /// <summary>
    /// Sends one message. One write at a time: wait for each before the next. Cancelling
    /// <paramref name="cancellationToken"/> cancels the whole call, since a half-written message cannot be taken back.
    /// </summary>
    /// <exception cref="GrpcExports.Protocol.Wire.RpcException">
    /// The call has failed (its status), or the message is larger than the maximum send size (RESOURCE_EXHAUSTED).
    /// </exception>
    /// <exception cref="InvalidOperationException">The stream was completed, a write is pending, or the call already succeeded.</exception>
    Task WriteAsync(TRequest message, CancellationToken cancellationToken = default);

    /// <summary>Tells the server no more messages follow. Calling it again does nothing.</summary>
    Task CompleteAsync();
}
