using Google.Protobuf;

namespace GrpcExports.Protocol.Wire;

/// <summary>
/// The statuses and texts of every framing failure, shared by all readers and writers of frames so that the
/// client and the server word them alike: limits are RESOURCE_EXHAUSTED, anything malformed is INTERNAL.
/// </summary>
public static class MessageFrameErrors
{
    public static RpcException InvalidCompressedFlag(byte flag) =>
        new(StatusCode.Internal, $"Invalid compressed flag {flag} in a message header.");

    public static RpcException ReceivedTooLarge(long length, int maxSize) =>
        new(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({length} > {maxSize} bytes).");

    public static RpcException SendingTooLarge(int size, int maxSize) =>
        new(StatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({size} > {maxSize} bytes).");

    /// <summary>The body ended after <paramref name="unfinishedBytes"/> bytes (1 or more) of a frame it never finished.</summary>
    public static RpcException EndedInside(long unfinishedBytes) => unfinishedBytes < MessageFrameHeader.Size
        ? new RpcException(StatusCode.Internal, "The stream ended inside a message header.")
        : new RpcException(StatusCode.Internal, "The stream ended inside a message.");

    public static RpcException CompressedWithoutEncoding() =>
        new(StatusCode.Internal, "A compressed message arrived without a grpc-encoding to decode it.");

    public static RpcException Unparsable(InvalidProtocolBufferException e) =>
        new(StatusCode.Internal, "Could not parse the message: " + e.Message, inner: e);
}
