using Google.Protobuf;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client.Internal;

/// <summary>
/// What client-streaming and duplex calls share: one attempt (a stream of requests cannot be replayed, so these
/// calls are not retried), started at once so that the caller can write while the response is on its way.
/// </summary>
internal sealed class StreamingCallCore<TRequest> : IDisposable where TRequest : class, IMessage<TRequest>
{
    private readonly CallScope _scope;
    private readonly StreamingRequestContent _content = new();
    private readonly Task _started;
    private int _released;

    public StreamingCallCore(GrpcConnection connection, string methodPath, CallSettings settings, CancellationToken cancellationToken)
    {
        _scope = new CallScope(settings.Deadline, settings.CancellationToken, cancellationToken);
        Attempt = new CallAttempt(connection.HttpClient, _scope, connection.Settings.MaxReceiveMessageSize);
        Writer = new RequestStreamWriter<TRequest>(_content, _scope, Attempt, settings.Gzip, connection.Settings.MaxSendMessageSize);
        var request = connection.Requests.Create(methodPath, settings, _scope, _content, previousAttempts: 0);
        _started = Attempt.StartAsync(request);
        TaskObservation.Observe(_started);
    }

    public CallAttempt Attempt { get; }

    public RequestStreamWriter<TRequest> Writer { get; }

    /// <summary>The next response message, or null at the end of the responses, after which the status is read.</summary>
    public async ValueTask<TResponse?> ReadMessageAsync<TResponse>(MessageParser<TResponse> parser)
        where TResponse : class, IMessage<TResponse>
    {
        try
        {
            await _started.ConfigureAwait(false);
            var message = await Attempt.ReadMessageAsync(parser).ConfigureAwait(false);
            if (message is null)
            {
                Attempt.Finish();
                Release();
            }
            return message;
        }
        catch (RpcException)
        {
            Release();
            throw;
        }
    }

    /// <summary>Stops the call as CANCELLED if it is still running; the server sees its stream reset.</summary>
    public void Cancel(string detail) => _scope.Cancel(detail);

    public void Dispose()
    {
        if (Attempt.Status is null)
        {
            _scope.Cancel("The call was disposed before it finished.");
        }
        Release();
    }

    /// <summary>Frees the stream, timer and registrations once the call has ended.</summary>
    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }
        // A write can still be waiting for HTTP/2 flow control from a server that has stopped reading; HttpClient
        // does not release it when the response ends, so stopping the scope does.
        _scope.Cancel("The call has ended.");
        _content.Abort();
        Attempt.Dispose();
        _scope.Dispose();
    }
}
