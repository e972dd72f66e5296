using Benchmarks.Protos;
using Google.Protobuf.Reflection;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;

namespace Benchmarks.Rpc;

/// <summary>grpcexports.benchmarks.v1.EchoService on our layer: answers with the request's payload.</summary>
public sealed class EchoService(CallCounter calls) : IGrpcService
{
    public static ServiceDescriptor Descriptor => EchoReflection.Descriptor.Services[0];

    public Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        calls.Increment();
        return Task.FromResult(new EchoResponse { Payload = request.Payload });
    }
}
