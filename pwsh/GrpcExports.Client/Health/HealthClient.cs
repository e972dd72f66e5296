using Grpc.Health.V1;

namespace GrpcExports.Client;

/// <summary>The standard health service, grpc.health.v1.Health. Both methods are idempotent.</summary>
public sealed class HealthClient
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = HealthReflection.Descriptor.Services[0];

    private static readonly GrpcMethod<HealthCheckRequest, HealthCheckResponse> Check =
        GrpcMethod<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(Service, "Check", MethodKind.Unary, isIdempotent: true);

    private static readonly GrpcMethod<HealthCheckRequest, HealthCheckResponse> Watch =
        GrpcMethod<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(Service, "Watch", MethodKind.ServerStreaming, isIdempotent: true);

    private readonly GrpcConnection _connection;

    /// <summary>A health client over <paramref name="connection"/>.</summary>
    public HealthClient(GrpcConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <summary>The current status of a service ("" for the whole server); NOT_FOUND for a service the server does not know.</summary>
    public Task<HealthCheckResponse> CheckAsync(HealthCheckRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.UnaryAsync(Check, request, options, cancellationToken);

    /// <summary>The current status of <paramref name="service"/> ("" for the whole server).</summary>
    public Task<HealthCheckResponse> CheckAsync(string service, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        CheckAsync(new HealthCheckRequest { Service = service }, options, cancellationToken);

    /// <summary>The current status at once, then every change, until cancelled; SERVICE_UNKNOWN for an unknown service.</summary>
    public ServerStreamingCall<HealthCheckResponse> WatchAsync(HealthCheckRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.ServerStreaming(Watch, request, options, cancellationToken);

    /// <summary>Watches <paramref name="service"/> ("" for the whole server).</summary>
    public ServerStreamingCall<HealthCheckResponse> WatchAsync(string service, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        WatchAsync(new HealthCheckRequest { Service = service }, options, cancellationToken);
}
