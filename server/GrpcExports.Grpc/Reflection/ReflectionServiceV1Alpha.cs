using Google.Protobuf;
using Google.Protobuf.Reflection;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace GrpcExports.Grpc.Reflection;

/// <summary>
/// grpc.reflection.v1alpha.ServerReflection, which older grpcurl releases speak. Its messages are byte-for-byte the
/// v1 messages under another package, so each request is re-read as v1 and answered by the v1 service.
/// </summary>
internal sealed class ReflectionServiceV1Alpha(ReflectionServiceV1 v1) : IGrpcService
{
    public static ServiceDescriptor Descriptor => V1Alpha.ReflectionReflection.Descriptor.Services[0];

    public async Task ServerReflectionInfo(IAsyncEnumerable<V1Alpha.ServerReflectionRequest> requests,
        IServerStreamWriter<V1Alpha.ServerReflectionResponse> responses, ServerCallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            var answer = v1.Answer(V1.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()));
            await responses.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString())).ConfigureAwait(false);
        }
    }
}
