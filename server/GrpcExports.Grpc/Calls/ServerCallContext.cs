using GrpcExports.Protocol.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace GrpcExports.Grpc.Calls;

/// <summary>What a handler knows about its call: method, metadata, deadline, cancellation, response metadata.</summary>
public sealed class ServerCallContext
{
    private readonly CallResponse _response;
    private readonly PipeMessageReader? _requestReader;
    private Dictionary<string, StringValues>? _responseTrailers;

    internal ServerCallContext(HttpContext httpContext, string method, DateTime deadline, CancellationToken cancellationToken,
        CallResponse response, PipeMessageReader? requestReader = null)
    {
        _requestReader = requestReader;
        HttpContext = httpContext;
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        _response = response;
    }

    /// <summary>The full method path, "/package.Service/Method".</summary>
    public string Method { get; }

    public HttpContext HttpContext { get; }

    public IHeaderDictionary RequestHeaders => HttpContext.Request.Headers;

    /// <summary>When the call's deadline passes (UTC), or <see cref="DateTime.MaxValue"/> without one.</summary>
    public DateTime Deadline { get; }

    /// <summary>Cancelled when the client cancels, the deadline passes, or the connection goes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The remote address and port.</summary>
    public string Peer => $"{HttpContext.Connection.RemoteIpAddress}:{HttpContext.Connection.RemotePort}";

    /// <summary>Per-call state for interceptors and handlers (the authenticated user, for example).</summary>
    public IDictionary<object, object?> Items => HttpContext.Items;

    /// <summary>Initial metadata; changes take effect until the first message or the response headers are sent.</summary>
    public IHeaderDictionary ResponseHeaders => HttpContext.Response.Headers;

    /// <summary>Trailing metadata sent with the status.</summary>
    public IDictionary<string, StringValues> ResponseTrailers => _responseTrailers ??= new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The trailing metadata, or null when the handler never asked for it (most calls): made on first use.</summary>
    internal IDictionary<string, StringValues>? ResponseTrailersIfAny => _responseTrailers;

    /// <summary>
    /// Whether the next response messages are gzip-compressed. Starts as the server's policy for this call and may be
    /// switched per message; it has no effect when the client does not accept gzip.
    /// </summary>
    public bool CompressResponses
    {
        get => _response.CompressMessages;
        set => _response.CompressMessages = value;
    }

    /// <summary>
    /// Whether the request message the handler received last arrived compressed (its frame's compressed flag).
    /// For a streaming request, read it right after each message, before asking for the next.
    /// </summary>
    public bool RequestMessageCompressed => _requestReader?.LastMessageCompressed ?? false;

    /// <summary>Sends the response headers now, before any message.</summary>
    public Task WriteResponseHeadersAsync() => _response.StartAsync(CancellationToken);

    /// <summary>The status the call ended with, once it has ended (for logging).</summary>
    public StatusCode? Status { get; internal set; }
}
