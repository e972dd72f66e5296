using System.Net;

namespace GrpcExports.Client.Internal;

/// <summary>
/// A request body written while the call runs. HttpClient hands over the HTTP/2 request stream when it starts
/// sending the body; the request writer then puts frames on it as the caller produces them, and the body (and
/// with it the client's half of the stream) ends when the writer completes.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The request stream, once HttpClient has started sending the body.</summary>
    public Task<Stream> GetStreamAsync(CancellationToken cancellationToken) => _stream.Task.WaitAsync(cancellationToken);

    /// <summary>Ends the body: the client has no more messages to send.</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Gives up on the body because the call is over.</summary>
    public void Abort()
    {
        _stream.TrySetCanceled();
        _completed.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Abort();
        }
        base.Dispose(disposing);
    }
}
