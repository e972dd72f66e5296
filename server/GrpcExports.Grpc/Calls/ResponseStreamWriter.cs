using Google.Protobuf;

namespace GrpcExports.Grpc.Calls;

internal sealed class ResponseStreamWriter<T>(CallResponse response, CancellationToken cancellationToken) : IServerStreamWriter<T>
    where T : IMessage<T>
{
    public Task WriteAsync(T message) => response.WriteMessageAsync(message, cancellationToken);
}
