using Google.Protobuf;
using Grpc.Testing;
using GrpcExports.Protocol.Wire;

namespace InteropHost.Features;

/// <summary>Response payloads: a body of the requested size made of zeros (COMPRESSABLE, the only type there is).</summary>
public static class Payloads
{
    public static Payload Zeros(PayloadType type, int size)
    {
        if (type != PayloadType.Compressable)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"Payload type {type} is not supported; only COMPRESSABLE is.");
        }
        if (size < 0)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"Payload size {size} is negative.");
        }
        return new Payload { Type = type, Body = size == 0 ? ByteString.Empty : ByteString.CopyFrom(new byte[size]) };
    }

    /// <summary>The size of a request payload's body; a missing payload counts as empty.</summary>
    public static int SizeOf(Payload? payload) => payload?.Body.Length ?? 0;
}
