using GrpcExports.Protocol.Wire;

namespace GrpcExports.Server.Hosting;

/// <summary>The UNIMPLEMENTED answer of an RPC that is in the contract but whose implementation has not landed yet.</summary>
internal static class NotYetAvailable
{
    public static RpcException Rpc(string method, int issue) =>
        new(StatusCode.Unimplemented, $"{method} is part of the contract but not available in this build yet (tracked as issue {issue}).");
}
