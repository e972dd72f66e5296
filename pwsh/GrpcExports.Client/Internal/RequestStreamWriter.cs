using Google.Protobuf;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client.Internal;

/// <summary>Frames request messages straight onto the HTTP/2 request stream of a streaming call.</summary>
internal sealed class RequestStreamWriter<TRequest> : IRequestStreamWriter<TRequest> where TRequest : class, IMessage<TRequest>
{
    // Bounds the wait for the status after a failed write; the response normally ends at once.
    private static readonly TimeSpan CallEndWait = TimeSpan.FromSeconds(5);

    private readonly StreamingRequestContent _content;
    private readonly CallScope _scope;
    private readonly CallAttempt _attempt;
    private readonly bool _gzip;
    private readonly int _maxSendMessageSize;
    private Task? _callEnded;
    private int _writePending;
    private bool _completed;

    public RequestStreamWriter(StreamingRequestContent content, CallScope scope, CallAttempt attempt, bool gzip, int maxSendMessageSize)
    {
        _content = content;
        _scope = scope;
        _attempt = attempt;
        _gzip = gzip;
        _maxSendMessageSize = maxSendMessageSize;
    }

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            throw new InvalidOperationException("The request stream has already been completed.");
        }
        ThrowIfCallEnded();
        if (Interlocked.Exchange(ref _writePending, 1) == 1)
        {
            throw new InvalidOperationException("A write is already pending; wait for it before writing again.");
        }
        try
        {
            var frame = MessageFraming.Frame(message, _gzip, _maxSendMessageSize);
            using var cancelCall = cancellationToken.UnsafeRegister(static state => ((CallScope)state!).Cancel(), _scope);
            try
            {
                var stream = await _content.GetStreamAsync(_scope.Token).ConfigureAwait(false);
                await stream.WriteAsync(frame, _scope.Token).ConfigureAwait(false);
                await stream.FlushAsync(_scope.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // A write fails when the call has ended under it (the server answered early, or the stream was
                // reset); the call's own status explains why better than the transport's error does.
                await WaitForCallEndAsync().ConfigureAwait(false);
                ThrowIfCallEnded();
                throw TransportErrors.ToRpcException(e, _scope);
            }
        }
        finally
        {
            Volatile.Write(ref _writePending, 0);
        }
    }

    /// <summary>
    /// Lets a failed write wait for <paramref name="callEnded"/> (a task that ends with the call, such as a
    /// client-streaming call's response) so that it can report the call's status.
    /// </summary>
    public void ReportStatusFrom(Task callEnded) => _callEnded = callEnded;

    public Task CompleteAsync()
    {
        if (Volatile.Read(ref _writePending) == 1)
        {
            throw new InvalidOperationException("A write is pending; wait for it before completing the request stream.");
        }
        _completed = true;
        _content.Complete();
        return Task.CompletedTask;
    }

    private async Task WaitForCallEndAsync()
    {
        if (_callEnded is null)
        {
            return;
        }
        try
        {
            await _callEnded.WaitAsync(CallEndWait).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Only the status it leaves behind matters here.
        }
    }

    private void ThrowIfCallEnded()
    {
        // The attempt's own ending comes first: once it has ended, the scope is stopped only to release writes.
        if (_attempt.Failure is { } failure)
        {
            throw new RpcException(failure.StatusCode, failure.Detail, failure.Details);
        }
        if (_attempt.Status is not null)
        {
            throw new InvalidOperationException("The call has already finished; the server reads no more messages.");
        }
        if (_scope.StopReason is { } stopped)
        {
            throw new RpcException(stopped.StatusCode, stopped.Detail);
        }
    }
}
