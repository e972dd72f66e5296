using System.Runtime.CompilerServices;
using Google.Protobuf;
using GrpcExports.Client.Internal;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client;

/// <summary>
/// A server-streaming call, started when it is enumerated (once): <c>await foreach</c> reads the response messages.
/// The enumeration ends when the server ends the call with OK and throws <see cref="RpcException"/> otherwise.
/// Cancelling the enumeration's token, or leaving the loop early, cancels the call. An idempotent call that fails
/// with UNAVAILABLE before the server has sent response headers is retried (see <see cref="RetryPolicy"/>).
/// </summary>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class ServerStreamingCall<TResponse> : IAsyncEnumerable<TResponse>
    where TResponse : class, IMessage<TResponse>, new()
{
    private readonly GrpcConnection _connection;
    private readonly string _methodPath;
    private readonly byte[] _requestFrame;
    private readonly CallSettings _settings;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _enumerated;

    internal ServerStreamingCall(GrpcConnection connection, string methodPath, byte[] requestFrame, CallSettings settings, CancellationToken cancellationToken)
    {
        _connection = connection;
        _methodPath = methodPath;
        _requestFrame = requestFrame;
        _settings = settings;
        _cancellationToken = cancellationToken;
        TaskObservation.Observe(_responseHeaders.Task);
    }

    /// <summary>
    /// The response headers (metadata only); completes once the enumeration has received them, and fails with the
    /// call's status if the call fails before them.
    /// </summary>
    public Task<Metadata> ResponseHeadersAsync => _responseHeaders.Task;

    /// <summary>The trailers (metadata only), once the stream has been read to its end or failed; otherwise null.</summary>
    public Metadata? Trailers { get; private set; }

    /// <summary>How the call ended, or null while it runs (or before it starts).</summary>
    public CallStatus? Status { get; private set; }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The call has already been enumerated.</exception>
    public IAsyncEnumerator<TResponse> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new InvalidOperationException("A server-streaming call can be enumerated only once.");
        }
        return ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    private async IAsyncEnumerable<TResponse> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var scope = new CallScope(_settings.Deadline, _settings.CancellationToken, _cancellationToken, cancellationToken);
        using var reader = new RetryingStreamReader(this, scope);
        while (await reader.MoveNextAsync().ConfigureAwait(false))
        {
            yield return reader.Current!;
        }
    }

    /// <summary>
    /// Reads the messages of successive attempts: an attempt that fails with a retryable status before response
    /// headers arrive is replaced by a new one; once headers have arrived the call is committed to its attempt,
    /// as in gRPC's retry design (A6).
    /// </summary>
    private sealed class RetryingStreamReader : IDisposable
    {
        private readonly ServerStreamingCall<TResponse> _call;
        private readonly CallScope _scope;
        private readonly RetryDecision _retry;
        private CallAttempt? _attempt;
        private int _attemptsMade;
        private bool _committed;

        public RetryingStreamReader(ServerStreamingCall<TResponse> call, CallScope scope)
        {
            _call = call;
            _scope = scope;
            _retry = new RetryDecision(call._connection.Settings.RetryPolicy, call._settings.IsIdempotent, scope);
        }

        public TResponse? Current { get; private set; }

        public async ValueTask<bool> MoveNextAsync()
        {
            while (true)
            {
                TimeSpan delay;
                try
                {
                    return await TryMoveNextAsync().ConfigureAwait(false);
                }
                catch (RpcException e) when (!_committed && _retry.ShouldRetry(e, _attemptsMade, out delay))
                {
                    _attempt!.Dispose();
                    _attempt = null;
                }
                catch (RpcException e)
                {
                    _call.Status ??= new CallStatus(e.StatusCode, e.Detail);
                    _call.Trailers ??= _attempt?.Trailers;
                    _call._responseHeaders.TrySetException(e);
                    throw;
                }
                await _scope.DelayAsync(delay).ConfigureAwait(false);
            }
        }

        public void Dispose()
        {
            if (_call.Status is null)
            {
                _scope.Cancel("The stream was abandoned before it ended.");
                _call.Status = new CallStatus(StatusCode.Cancelled, "The stream was abandoned before it ended.");
                _call._responseHeaders.TrySetCanceled();
            }
            _attempt?.Dispose();
        }

        private async ValueTask<bool> TryMoveNextAsync()
        {
            if (_attempt is null)
            {
                _attemptsMade++;
                _attempt = new CallAttempt(_call._connection.HttpClient, _scope, _call._connection.Settings.MaxReceiveMessageSize);
                var content = new ByteArrayContent(_call._requestFrame);
                await _attempt.StartAsync(_call._connection.Requests.Create(_call._methodPath, _call._settings, _scope, content, _attemptsMade - 1))
                    .ConfigureAwait(false);
            }
            if (!_committed)
            {
                _committed = true;
                _call._responseHeaders.TrySetResult(await _attempt.ResponseHeaders.ConfigureAwait(false));
            }
            var message = await _attempt.ReadMessageAsync(MessageParsers<TResponse>.Parser).ConfigureAwait(false);
            if (message is not null)
            {
                Current = message;
                return true;
            }
            _attempt.Finish();
            _call.Trailers = _attempt.Trailers;
            _call.Status = _attempt.Status;
            return false;
        }
    }
}
