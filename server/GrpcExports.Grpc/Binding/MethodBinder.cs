using System.Reflection;
using Google.Protobuf.Reflection;
using GrpcExports.Grpc.Calls;
using GrpcExports.Grpc.Interception;

namespace GrpcExports.Grpc.Binding;

/// <summary>
/// Binds every RPC of every registered service to a public method of its implementation, by name and call-kind
/// signature (see <see cref="IGrpcService"/>), into a call handler per route "/package.Service/Method". Binding
/// happens once at start-up and fails, naming every RPC without a matching method, if any is missing.
/// </summary>
internal static class MethodBinder
{
    public static Dictionary<string, CallHandler> Bind(IEnumerable<ServiceRegistration> registrations, CallPipeline pipeline)
    {
        var handlers = new Dictionary<string, CallHandler>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var registration in registrations)
        {
            foreach (var method in registration.Descriptor.Methods)
            {
                var route = $"/{registration.Descriptor.FullName}/{method.Name}";
                try
                {
                    handlers.Add(route, CreateHandler(registration.ImplementationType, method, route, pipeline));
                }
                catch (BindingException e)
                {
                    problems.Add(e.Message);
                }
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("gRPC services are missing handlers:" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }
        return handlers;
    }

    private static CallHandler CreateHandler(Type serviceType, MethodDescriptor method, string route, CallPipeline pipeline)
    {
        var requestType = method.InputType.ClrType;
        var responseType = method.OutputType.ClrType;
        var writerType = typeof(IServerStreamWriter<>).MakeGenericType(responseType);
        var requestStreamType = typeof(IAsyncEnumerable<>).MakeGenericType(requestType);
        var context = typeof(ServerCallContext);

        var (parameters, returnType, factoryName) = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => (new[] { requestType, context }, typeof(Task<>).MakeGenericType(responseType), nameof(Unary)),
            (false, true) => (new[] { requestType, writerType, context }, typeof(Task), nameof(ServerStreaming)),
            (true, false) => (new[] { requestStreamType, context }, typeof(Task<>).MakeGenericType(responseType), nameof(ClientStreaming)),
            (true, true) => (new[] { requestStreamType, writerType, context }, typeof(Task), nameof(Duplex)),
        };
        var implementation = serviceType.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameters);
        if (implementation is null || implementation.ReturnType != returnType)
        {
            throw new BindingException(
                $"{route}: {serviceType.Name} needs 'public {Describe(returnType)} {method.Name}({string.Join(", ", parameters.Select(Describe))})'");
        }
        var factory = typeof(MethodBinder).GetMethod(factoryName, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(serviceType, requestType, responseType);
        return (CallHandler)factory.Invoke(null, [route, pipeline, implementation])!;
    }

    private static CallHandler Unary<TService, TRequest, TResponse>(string route, CallPipeline pipeline, MethodInfo implementation)
        where TService : class
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
        new UnaryCallHandler<TService, TRequest, TResponse>(route, pipeline,
            implementation.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>());

    private static CallHandler ServerStreaming<TService, TRequest, TResponse>(string route, CallPipeline pipeline, MethodInfo implementation)
        where TService : class
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
        new ServerStreamingCallHandler<TService, TRequest, TResponse>(route, pipeline,
            implementation.CreateDelegate<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>());

    private static CallHandler ClientStreaming<TService, TRequest, TResponse>(string route, CallPipeline pipeline, MethodInfo implementation)
        where TService : class
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
        new ClientStreamingCallHandler<TService, TRequest, TResponse>(route, pipeline,
            implementation.CreateDelegate<Func<TService, IAsyncEnumerable<TRequest>, ServerCallContext, Task<TResponse>>>());

    private static CallHandler Duplex<TService, TRequest, TResponse>(string route, CallPipeline pipeline, MethodInfo implementation)
        where TService : class
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
        new DuplexStreamingCallHandler<TService, TRequest, TResponse>(route, pipeline,
            implementation.CreateDelegate<Func<TService, IAsyncEnumerable<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>());

    private static string Describe(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
        : type.Name;

    private sealed class BindingException(string message) : Exception(message);
}
