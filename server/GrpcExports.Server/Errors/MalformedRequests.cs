using GrpcExports.Grpc.Calls;
using GrpcExports.Grpc.Interception;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Server.Errors;

/// <summary>
/// Gives a request whose bytes do not decode the product's reason: INVALID_ARGUMENT / INVALID_REQUEST with the field
/// where decoding broke down. Registered after authentication, so a call without a usable key is refused for that
/// first, and the audit log records the status the client gets.
/// </summary>
internal sealed class MalformedRequests : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (MalformedRequestException malformed)
        {
            throw ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.InvalidRequest, malformed.Message, null, malformed.ToBadRequest());
        }
    }
}
