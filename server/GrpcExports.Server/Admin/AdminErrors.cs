using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.Admin;

internal static class AdminErrors
{
    public static RpcException ApiKeyNotFound(Guid apiKeyId) =>
        ProductErrors.Create(StatusCode.NotFound, ErrorReason.ApiKeyNotFound, $"There is no API key {apiKeyId}.",
            new Dictionary<string, string> { ["apiKeyId"] = apiKeyId.ToString() });
}
