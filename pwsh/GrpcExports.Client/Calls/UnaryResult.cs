namespace GrpcExports.Client;

/// <summary>The outcome of a successful unary call with the metadata that came with it.</summary>
/// <typeparam name="TResponse">The response message type.</typeparam>
/// <param name="Response">The response message.</param>
/// <param name="ResponseHeaders">The response headers, without the protocol's reserved ones.</param>
/// <param name="Trailers">The trailers, without grpc-status, grpc-message and grpc-status-details-bin.</param>
public sealed record UnaryResult<TResponse>(TResponse Response, Metadata ResponseHeaders, Metadata Trailers);
