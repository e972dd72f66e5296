using GrpcExports.Protocol.Wire;

namespace GrpcExports.Grpc.Hosting;

/// <summary>Limits and behaviour of the gRPC layer, bound from the "Grpc" configuration section.</summary>
public sealed class GrpcServerOptions
{
    public const string SectionName = "Grpc";

    /// <summary>Largest request message accepted, after decompression; larger ones are RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest response message sent; a handler producing a larger one fails with RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Encoding for responses when the client accepts it: "gzip" or "identity". Whatever this says, a client that
    /// sent gzip-compressed requests gets gzip-compressed responses if it accepts them.
    /// </summary>
    public string ResponseCompression { get; set; } = MessageCompression.Identity;
}
