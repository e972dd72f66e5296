namespace GrpcExports.Grpc.Calls;

/// <summary>Sends response messages of a streaming call, each as soon as it is written.</summary>
public interface IServerStreamWriter<in T>
{
    Task WriteAsync(T message);
}
