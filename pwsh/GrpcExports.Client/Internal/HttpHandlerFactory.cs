using System.Net;

namespace GrpcExports.Client.Internal;

/// <summary>The SocketsHttpHandler a connection sends its calls through.</summary>
internal static class HttpHandlerFactory
{
    public static SocketsHttpHandler Create(GrpcConnectionOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // One HTTP/2 connection allows only so many concurrent streams (Kestrel: 100); more calls open more.
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = options.PooledConnectionIdleTimeout,
            ConnectTimeout = options.ConnectTimeout,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            // Pinging idle connections gets a client disconnected by servers that police pings (ENHANCE_YOUR_CALM).
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        if (options.ServerCertificateValidation is { } validate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        }
        return handler;
    }
}
