using System.Runtime.CompilerServices;
using Google.Protobuf;
using GrpcExports.Client.Internal;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client;

/// <summary>
/// A running client-streaming call: write the requests to <see cref="RequestStream"/>, complete it, then await
/// <see cref="ResponseAsync"/> (or the call itself). Dispose the call to cancel it if it is abandoned.
/// </summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class ClientStreamingCall<TRequest, TResponse> : IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>, new()
{
    private readonly StreamingCallCore<TRequest> _core;

    internal ClientStreamingCall(StreamingCallCore<TRequest> core)
    {
        _core = core;
        ResponseAsync = ReadResponseAsync();
        TaskObservation.Observe(ResponseAsync);
        core.Writer.ReportStatusFrom(ResponseAsync);
    }

    /// <summary>Where the request messages go.</summary>
    public IRequestStreamWriter<TRequest> RequestStream => _core.Writer;

    /// <summary>The response; fails with <see cref="RpcException"/> when the call does.</summary>
    public Task<TResponse> ResponseAsync { get; }

    /// <summary>The response headers (metadata only); fails with the call's status if the call fails before them.</summary>
    public Task<Metadata> ResponseHeadersAsync => _core.Attempt.ResponseHeaders;

    /// <summary>The trailers (metadata only), once the server has ended the call; otherwise null.</summary>
    public Metadata? Trailers => _core.Attempt.Trailers;

    /// <summary>How the call ended, or null while it runs.</summary>
    public CallStatus? Status => _core.Attempt.Status;

    /// <summary>Lets <c>await call</c> stand for <c>await call.ResponseAsync</c>.</summary>
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    /// <summary>Cancels the call if it is still running and frees its resources.</summary>
    public void Dispose() => _core.Dispose();

    private async Task<TResponse> ReadResponseAsync()
    {
        var parser = MessageParsers<TResponse>.Parser;
        var response = await _core.ReadMessageAsync(parser).ConfigureAwait(false);
        if (response is null)
        {
            throw new RpcException(StatusCode.Internal, "The server ended the call without a response message.");
        }
        if (await _core.ReadMessageAsync(parser).ConfigureAwait(false) is not null)
        {
            var error = _core.Attempt.Fail(new RpcException(StatusCode.Internal, "The server sent more than one response message."));
            _core.Dispose();
            throw error;
        }
        return response;
    }
}
