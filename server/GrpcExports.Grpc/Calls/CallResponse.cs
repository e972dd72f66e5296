using Google.Protobuf;
using GrpcExports.Protocol.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace GrpcExports.Grpc.Calls;

/// <summary>
/// The response side of one call: headers, messages, then the status. Writes are serialized, and once the status
/// is sent (possibly early, when the deadline passes while the handler still runs) further messages are refused.
/// </summary>
internal sealed class CallResponse(HttpResponse response, int maxSendMessageSize, bool clientAcceptsGzip, bool compressByDefault)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _completed;

    public bool CompressMessages { get; set; } = clientAcceptsGzip && compressByDefault;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfCompleted();
            await StartCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends one message, flushed at once as before (a unary reply too: holding it back to go out with its trailers
    /// showed no gain in the rpc benchmark). A message over the send limit is RESOURCE_EXHAUSTED before anything is
    /// written.
    /// </summary>
    public async Task WriteMessageAsync(IMessage message, CancellationToken cancellationToken)
    {
        var gzip = CompressMessages && clientAcceptsGzip;
        var size = MessageFraming.MeasureForSending(message, maxSendMessageSize);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfCompleted();
            if (!response.HasStarted)
            {
                SetSuccessHeaders();
            }
            // Serialized straight into the response pipe's memory, behind its frame header: no copy of its own.
            MessageFraming.WriteFrame(response.BodyWriter, message, size, gzip);
            await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Ends the call with a status. Before anything was sent, an error goes out as a Trailers-Only response (status in
    /// the headers, no body); otherwise the status goes in the trailers. Only the first completion counts.
    /// </summary>
    public async Task CompleteAsync(StatusCode code, string message, Google.Rpc.Status? details,
        IDictionary<string, StringValues> trailers)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                return;
            }
            _completed = true;
            if (!response.HasStarted && code != StatusCode.OK)
            {
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = GrpcHeaders.ContentType;
                response.Headers[GrpcHeaders.AcceptEncoding] = MessageCompression.Supported;
                WriteStatus((name, value) => response.Headers[name] = value, code, message, details, trailers);
                return;
            }
            if (!response.HasStarted)
            {
                SetSuccessHeaders();
            }
            WriteStatus(response.AppendTrailer, code, message, details, trailers);
            await response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away or the stream was reset: there is nobody left to tell.
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (response.HasStarted)
        {
            return;
        }
        SetSuccessHeaders();
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private void SetSuccessHeaders()
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcHeaders.ContentType;
        response.Headers[GrpcHeaders.AcceptEncoding] = MessageCompression.Supported;
        if (clientAcceptsGzip)
        {
            response.Headers[GrpcHeaders.Encoding] = MessageCompression.Gzip;
        }
    }

    /// <summary>
    /// Writes the handler's trailing metadata, then the status, through <paramref name="write"/> (into the headers of a
    /// Trailers-Only response, or as trailers). Metadata named like the status headers is dropped: the status wins.
    /// </summary>
    private static void WriteStatus(Action<string, StringValues> write, StatusCode code, string message, Google.Rpc.Status? details,
        IDictionary<string, StringValues> trailers)
    {
        foreach (var (name, value) in trailers)
        {
            if (!IsStatusHeader(name))
            {
                write(name, value);
            }
        }
        write(GrpcHeaders.Status, ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(message))
        {
            write(GrpcHeaders.Message, PercentEncoding.Encode(message));
        }
        if (details is not null)
        {
            write(GrpcHeaders.StatusDetails, StatusDetailsHeader.Encode(details));
        }
    }

    private static bool IsStatusHeader(string name) =>
        name.Equals(GrpcHeaders.Status, StringComparison.OrdinalIgnoreCase)
        || name.Equals(GrpcHeaders.Message, StringComparison.OrdinalIgnoreCase)
        || name.Equals(GrpcHeaders.StatusDetails, StringComparison.OrdinalIgnoreCase);

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new RpcException(StatusCode.Cancelled, "The call has already ended.");
        }
    }
}
