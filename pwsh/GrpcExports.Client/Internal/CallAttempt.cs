using System.Net;
using Google.Protobuf;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client.Internal;

/// <summary>
/// One HTTP/2 exchange of a call: sends the request, checks the response headers (HTTP status, content type,
/// Trailers-Only), reads the response messages and then the status from the trailers. Every failure leaves as an
/// <see cref="RpcException"/>. Disposing an attempt that has not finished resets its stream, which is how the
/// server learns of a cancellation.
/// </summary>
internal sealed class CallAttempt : IDisposable
{
    private readonly HttpClient _client;
    private readonly CallScope _scope;
    private readonly int _maxReceiveMessageSize;
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private MessageFrameReader? _reader;
    private CancellationTokenRegistration _resetOnStop;
    private Ending? _ending;

    public CallAttempt(HttpClient client, CallScope scope, int maxReceiveMessageSize)
    {
        _client = client;
        _scope = scope;
        _maxReceiveMessageSize = maxReceiveMessageSize;
        TaskObservation.Observe(_responseHeaders.Task);
    }

    /// <summary>Completes with the response headers, or fails with the call's status if none arrive.</summary>
    public Task<Metadata> ResponseHeaders => _responseHeaders.Task;

    /// <summary>The trailers, once the call has finished with a status from the server.</summary>
    public Metadata? Trailers { get; private set; }

    /// <summary>How the attempt ended, or null while it runs.</summary>
    public CallStatus? Status => Volatile.Read(ref _ending)?.Status;

    /// <summary>The error the attempt ended with, or null.</summary>
    public RpcException? Failure => Volatile.Read(ref _ending)?.Failure;

    public async Task StartAsync(HttpRequestMessage request)
    {
        _request = request;
        try
        {
            _response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _scope.Token).ConfigureAwait(false);
            // After SendAsync returns, HttpClient no longer watches the token: disposing the response is what resets
            // the stream (RST_STREAM CANCEL) when the call is stopped.
            _resetOnStop = _scope.Token.UnsafeRegister(static state => ((CallAttempt)state!).DisposeResponse(), this);
            await ReadResponseHeadersAsync(_response).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Fail(TransportErrors.ToRpcException(e, _scope));
        }
    }

    /// <summary>The next response message, or null when the server has sent them all.</summary>
    public async ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser) where T : class, IMessage<T>
    {
        if (_reader is null)
        {
            return null;
        }
        try
        {
            return await _reader.ReadAsync(parser, _scope.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Fail(TransportErrors.ToRpcException(e, _scope));
        }
    }

    /// <summary>
    /// Reads the status from the trailers once <see cref="ReadMessageAsync{T}"/> has returned null, and throws it
    /// unless it is OK.
    /// </summary>
    public void Finish()
    {
        if (Status is not null)
        {
            return;
        }
        var trailers = _response!.TrailingHeaders;
        Trailers = ResponseHeaderReader.ReadMetadata(trailers);
        var status = ResponseHeaderReader.ReadStatus(trailers, out var details)
            ?? new CallStatus(StatusCode.Internal, "The server ended the call without a grpc-status.");
        End(status, details);
    }

    /// <summary>Ends the attempt with <paramref name="error"/> unless it has already ended; returns it for throwing.</summary>
    public RpcException Fail(RpcException error)
    {
        Interlocked.CompareExchange(ref _ending, new Ending(new CallStatus(error.StatusCode, error.Detail), error), null);
        _responseHeaders.TrySetException(error);
        return error;
    }

    public void Dispose()
    {
        _resetOnStop.Dispose();
        DisposeResponse();
        _request?.Dispose();
    }

    private async Task ReadResponseHeadersAsync(HttpResponseMessage response)
    {
        if (ResponseHeaderReader.ReadStatus(response.Headers, out var trailersOnlyDetails) is { } trailersOnlyStatus)
        {
            // Trailers-Only: the server answered with a status and no messages; its only headers are trailers.
            Trailers = ResponseHeaderReader.ReadMetadata(response.Headers);
            _responseHeaders.TrySetResult(new Metadata());
            End(trailersOnlyStatus, trailersOnlyDetails);
            return;
        }
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw HttpStatusMapping.ToRpcException(response.StatusCode);
        }
        var contentType = ResponseHeaderReader.FirstValue(response.Content.Headers, "content-type");
        if (!GrpcHeaders.IsGrpcContentType(contentType))
        {
            throw new RpcException(StatusCode.Unknown, $"Bad gRPC response: content-type '{contentType}' is not {GrpcHeaders.ContentType}.");
        }
        var encoding = ResponseHeaderReader.FirstValue(response.Headers, GrpcHeaders.Encoding);
        if (encoding is not null && !MessageCompression.IsSupported(encoding))
        {
            throw new RpcException(StatusCode.Internal,
                $"The server compressed its messages with '{encoding}', which this client did not offer ({MessageCompression.Supported}).");
        }
        var body = await response.Content.ReadAsStreamAsync(_scope.Token).ConfigureAwait(false);
        _reader = new MessageFrameReader(body, _maxReceiveMessageSize, encoding);
        _responseHeaders.TrySetResult(ResponseHeaderReader.ReadMetadata(response.Headers));
    }

    private void End(CallStatus status, Google.Rpc.Status? details)
    {
        if (status.Code != StatusCode.OK)
        {
            throw Fail(new RpcException(status.Code, status.Detail, details));
        }
        Interlocked.CompareExchange(ref _ending, new Ending(status, null), null);
    }

    private void DisposeResponse()
    {
        try
        {
            _response?.Dispose();
        }
        catch (Exception)
        {
            // Resetting a stream that is already gone can throw; the call is over either way.
        }
    }

    /// <summary>The status an attempt ended with and, unless it is OK, the error thrown for it; set once, as one.</summary>
    private sealed record Ending(CallStatus Status, RpcException? Failure);
}
