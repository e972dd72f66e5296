using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GrpcExports.Client;

/// <summary>
/// A method of a service: its path "/package.Service/Method", its kind and whether it is idempotent. Built from
/// the generated service descriptors, so a method renamed or retyped in the .proto files fails as soon as its
/// client is first used, naming the mismatch, rather than as a puzzling status from the server.
/// </summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class GrpcMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>, new()
{
    /// <summary>A method described by hand, for services without a generated descriptor.</summary>
    public GrpcMethod(string path, MethodKind kind, bool isIdempotent = false)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.IndexOf('/', 1) < 0)
        {
            throw new ArgumentException($"A method path looks like /package.Service/Method, not '{path}'.", nameof(path));
        }
        Path = path;
        Kind = kind;
        IsIdempotent = isIdempotent;
    }

    /// <summary>The HTTP/2 path, "/package.Service/Method".</summary>
    public string Path { get; }

    /// <summary>The call kind.</summary>
    public MethodKind Kind { get; }

    /// <summary>Whether the method may be retried (see <see cref="RetryPolicy"/>).</summary>
    public bool IsIdempotent { get; }

    /// <summary>
    /// The method <paramref name="name"/> of <paramref name="service"/>, checked against the generic message types
    /// and <paramref name="kind"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The service has no such method, or it has other types.</exception>
    public static GrpcMethod<TRequest, TResponse> FromDescriptor(
        ServiceDescriptor service, string name, MethodKind kind, bool isIdempotent = false)
    {
        var method = service.FindMethodByName(name)
            ?? throw new InvalidOperationException($"Service {service.FullName} has no method {name}.");
        var actualKind = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodKind.Unary,
            (true, false) => MethodKind.ClientStreaming,
            (false, true) => MethodKind.ServerStreaming,
            (true, true) => MethodKind.DuplexStreaming,
        };
        if (actualKind != kind
            || method.InputType.ClrType != typeof(TRequest)
            || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new InvalidOperationException(
                $"{service.FullName}.{name} is {actualKind} {method.InputType.ClrType?.Name} -> {method.OutputType.ClrType?.Name}, "
                + $"not {kind} {typeof(TRequest).Name} -> {typeof(TResponse).Name}.");
        }
        return new GrpcMethod<TRequest, TResponse>($"/{service.FullName}/{method.Name}", kind, isIdempotent);
    }

    /// <inheritdoc />
    public override string ToString() => Path;
}
