using Grpc.Testing;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.Wire;

namespace InteropHost.Features;

/// <summary>
/// "CompressedRequest" and "CompressedResponse": a request's expect_compressed is checked against the compressed flag
/// of the frame it arrived in (INVALID_ARGUMENT when they differ); response_compressed / compressed switches gzip
/// for the next response message (the layer compresses only when the client accepts gzip).
/// </summary>
public static class CompressionExpectation
{
    /// <summary>Call right after the message was received, before the next one is read.</summary>
    public static void Verify(BoolValue? expectCompressed, ServerCallContext context)
    {
        if (expectCompressed is null)
        {
            return;
        }
        var arrivedCompressed = context.RequestMessageCompressed;
        if (expectCompressed.Value && !arrivedCompressed)
        {
            throw new RpcException(StatusCode.InvalidArgument, "Expected a compressed request message, but it arrived uncompressed.");
        }
        if (!expectCompressed.Value && arrivedCompressed)
        {
            throw new RpcException(StatusCode.InvalidArgument, "Expected an uncompressed request message, but it arrived compressed.");
        }
    }

    public static void ApplyToNextResponse(BoolValue? compressed, ServerCallContext context)
    {
        if (compressed is not null)
        {
            context.CompressResponses = compressed.Value;
        }
    }
}
