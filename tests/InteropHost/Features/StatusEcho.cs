using GrpcExports.Protocol.Wire;

namespace InteropHost.Features;

/// <summary>
/// "Echo Status": a request carrying response_status ends the call with that code and message (which may hold any
/// Unicode text; the layer percent-encodes it into grpc-message).
/// </summary>
public static class StatusEcho
{
    public static void ThrowIfRequested(Grpc.Testing.EchoStatus? requested)
    {
        if (requested is null || requested.Code == (int)StatusCode.OK)
        {
            return;
        }
        throw new RpcException((StatusCode)requested.Code, requested.Message);
    }
}
