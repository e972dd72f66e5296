using Google.Protobuf.Reflection;

namespace GrpcExports.Grpc.Binding;

/// <summary>
/// An implementation of one protobuf service. Every RPC of <see cref="Descriptor"/> must have a public method of
/// the same name with the signature of its call kind (start-up fails otherwise):
/// <list type="bullet">
/// <item>unary: <c>Task&lt;TResponse&gt; M(TRequest, ServerCallContext)</c></item>
/// <item>server streaming: <c>Task M(TRequest, IServerStreamWriter&lt;TResponse&gt;, ServerCallContext)</c></item>
/// <item>client streaming: <c>Task&lt;TResponse&gt; M(IAsyncEnumerable&lt;TRequest&gt;, ServerCallContext)</c></item>
/// <item>bidirectional: <c>Task M(IAsyncEnumerable&lt;TRequest&gt;, IServerStreamWriter&lt;TResponse&gt;, ServerCallContext)</c></item>
/// </list>
/// </summary>
public interface IGrpcService
{
    static abstract ServiceDescriptor Descriptor { get; }
}
