using System.Net.Security;

namespace GrpcExports.Client;

/// <summary>Settings of a <see cref="GrpcConnection"/>, read once when the connection is created.</summary>
public sealed class GrpcConnectionOptions
{
    /// <summary>The default largest message size, sent or received: 64 MiB.</summary>
    public const int DefaultMaxMessageSize = 64 * 1024 * 1024;

    /// <summary>The address the server listens on by default.</summary>
    public static readonly Uri DefaultEndpoint = new("http://127.0.0.1:5000");

    /// <summary>Options for the server at <see cref="DefaultEndpoint"/>.</summary>
    public GrpcConnectionOptions()
    {
    }

    /// <summary>Options for the server at <paramref name="endpoint"/>.</summary>
    public GrpcConnectionOptions(Uri endpoint)
    {
        Endpoint = endpoint;
    }

    /// <summary>
    /// The server address, such as http://127.0.0.1:5000 (cleartext HTTP/2 with prior knowledge) or
    /// https://host:5001 (TLS, HTTP/2 negotiated by ALPN). A path prefix, if any, goes before every method path.
    /// </summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Metadata sent with every call, before the call's own (for example authorization: Bearer key).</summary>
    public Metadata DefaultMetadata { get; set; } = new();

    /// <summary>The largest message the client accepts; a larger one fails the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>The largest message the client sends; a larger one fails with RESOURCE_EXHAUSTED before it is sent.</summary>
    public int MaxSendMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>How request messages are compressed unless a call says otherwise.</summary>
    public RequestCompression RequestCompression { get; set; } = RequestCompression.None;

    /// <summary>Retries of idempotent calls that fail with UNAVAILABLE; <see cref="RetryPolicy.None"/> turns them off.</summary>
    public RetryPolicy RetryPolicy { get; set; } = RetryPolicy.Default;

    /// <summary>
    /// Decides whether to trust the server's TLS certificate (for example a self-signed development certificate);
    /// null uses the system's validation.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>How long to wait for a TCP (and TLS) connection before the call fails with UNAVAILABLE.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an unused connection stays open.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// After this much silence on a connection with calls in flight, an HTTP/2 PING checks that the server is
    /// still there; long, quiet streams (an export being watched) then fail fast instead of hanging.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for the PING's answer before the connection is closed.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A handler to send requests through instead of the connection's own SocketsHttpHandler (for example an
    /// in-memory test server's). The connection does not dispose it, and the TLS and connection settings above do
    /// not apply to it.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Endpoint);
        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The endpoint must be an absolute http:// or https:// address, not '{Endpoint}'.", nameof(Endpoint));
        }
        ArgumentNullException.ThrowIfNull(DefaultMetadata);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxReceiveMessageSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSendMessageSize);
        ArgumentNullException.ThrowIfNull(RetryPolicy);
        RetryPolicy.Validate();
    }
}
