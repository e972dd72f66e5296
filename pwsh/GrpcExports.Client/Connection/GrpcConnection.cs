using Google.Protobuf;
using GrpcExports.Client.Internal;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client;

/// <summary>
/// A channel to one gRPC server over HTTP/2: cleartext with prior knowledge for http://, TLS with ALPN for https://.
/// Thread-safe; create one per server and share it. Calls fail with <see cref="RpcException"/>.
/// </summary>
public sealed class GrpcConnection : IDisposable, IAsyncDisposable
{
    /// <summary>A connection with the given options.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public GrpcConnection(GrpcConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Endpoint = options.Endpoint;
        Settings = new ConnectionSettings(options);
        Requests = new GrpcRequestFactory(options.Endpoint);
        HttpClient = options.HttpHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : new HttpClient(HttpHandlerFactory.Create(options), disposeHandler: true);
        // Deadlines are the calls' own business; a stream may rightly stay open for hours.
        HttpClient.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>A connection to <paramref name="endpoint"/> with default options.</summary>
    public GrpcConnection(Uri endpoint)
        : this(new GrpcConnectionOptions(endpoint))
    {
    }

    /// <summary>The server address.</summary>
    public Uri Endpoint { get; }

    internal HttpClient HttpClient { get; }

    internal ConnectionSettings Settings { get; }

    internal GrpcRequestFactory Requests { get; }

    /// <summary>Calls a unary method and returns its response.</summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        var result = await UnaryWithMetadataAsync(method, request, options, cancellationToken).ConfigureAwait(false);
        return result.Response;
    }

    /// <summary>Calls the unary method at <paramref name="methodPath"/> ("/package.Service/Method").</summary>
    public Task<TResponse> UnaryAsync<TRequest, TResponse>(
        string methodPath, TRequest request, CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        UnaryAsync(new GrpcMethod<TRequest, TResponse>(methodPath, MethodKind.Unary), request, options, cancellationToken);

    /// <summary>Calls a unary method and returns its response with the response headers and trailers.</summary>
    public Task<UnaryResult<TResponse>> UnaryWithMetadataAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        RequireKind(method, MethodKind.Unary);
        ArgumentNullException.ThrowIfNull(request);
        var settings = CallSettings.Resolve(Settings, options, method.IsIdempotent);
        byte[] frame;
        try
        {
            frame = MessageFraming.Frame(request, settings.Gzip, Settings.MaxSendMessageSize);
        }
        catch (RpcException e)
        {
            return Task.FromException<UnaryResult<TResponse>>(e);
        }
        return UnaryInvoker.InvokeAsync<TResponse>(this, method.Path, frame, settings, cancellationToken);
    }

    /// <summary>
    /// Starts a server-streaming call when the result is enumerated; <c>await foreach</c> reads the responses.
    /// </summary>
    /// <exception cref="RpcException">The request is larger than the maximum send size (RESOURCE_EXHAUSTED).</exception>
    public ServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        RequireKind(method, MethodKind.ServerStreaming);
        ArgumentNullException.ThrowIfNull(request);
        var settings = CallSettings.Resolve(Settings, options, method.IsIdempotent);
        var frame = MessageFraming.Frame(request, settings.Gzip, Settings.MaxSendMessageSize);
        return new ServerStreamingCall<TResponse>(this, method.Path, frame, settings, cancellationToken);
    }

    /// <summary>The server-streaming method at <paramref name="methodPath"/> ("/package.Service/Method").</summary>
    /// <exception cref="RpcException">The request is larger than the maximum send size (RESOURCE_EXHAUSTED).</exception>
    public ServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(
        string methodPath, TRequest request, CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        ServerStreaming(new GrpcMethod<TRequest, TResponse>(methodPath, MethodKind.ServerStreaming), request, options, cancellationToken);

    /// <summary>Starts a client-streaming call. Never retried.</summary>
    public ClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        RequireKind(method, MethodKind.ClientStreaming);
        var settings = CallSettings.Resolve(Settings, options, method.IsIdempotent);
        return new ClientStreamingCall<TRequest, TResponse>(new StreamingCallCore<TRequest>(this, method.Path, settings, cancellationToken));
    }

    /// <summary>Starts the client-streaming method at <paramref name="methodPath"/> ("/package.Service/Method").</summary>
    public ClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(
        string methodPath, CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        ClientStreaming(new GrpcMethod<TRequest, TResponse>(methodPath, MethodKind.ClientStreaming), options, cancellationToken);

    /// <summary>Starts a bidirectional call. Never retried.</summary>
    public DuplexStreamingCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        RequireKind(method, MethodKind.DuplexStreaming);
        var settings = CallSettings.Resolve(Settings, options, method.IsIdempotent);
        return new DuplexStreamingCall<TRequest, TResponse>(new StreamingCallCore<TRequest>(this, method.Path, settings, cancellationToken));
    }

    /// <summary>Starts the bidirectional method at <paramref name="methodPath"/> ("/package.Service/Method").</summary>
    public DuplexStreamingCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(
        string methodPath, CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        DuplexStreaming(new GrpcMethod<TRequest, TResponse>(methodPath, MethodKind.DuplexStreaming), options, cancellationToken);

    /// <summary>Closes the connections; calls still running fail.</summary>
    public void Dispose() => HttpClient.Dispose();

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void RequireKind<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, MethodKind kind)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.Kind != kind)
        {
            throw new ArgumentException($"{method.Path} is a {method.Kind} method, not {kind}.", nameof(method));
        }
    }
}
