using GrpcExports.Client;
using GrpcExports.Tests.Layer.Probe;

namespace GrpcExports.Tests.Layer;

/// <summary>The probe service's methods as the .NET client calls them.</summary>
public static class ProbeMethods
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ProbeService.Descriptor;

    public static readonly GrpcMethod<EchoMessage, EchoMessage> Echo = GrpcMethod<EchoMessage, EchoMessage>.FromDescriptor(Service, "Echo", MethodKind.Unary);
    public static readonly GrpcMethod<CountRequest, Counted> Count = GrpcMethod<CountRequest, Counted>.FromDescriptor(Service, "Count", MethodKind.ServerStreaming);
    public static readonly GrpcMethod<Counted, SumReply> Sum = GrpcMethod<Counted, SumReply>.FromDescriptor(Service, "Sum", MethodKind.ClientStreaming);
    public static readonly GrpcMethod<EchoMessage, EchoMessage> Chat = GrpcMethod<EchoMessage, EchoMessage>.FromDescriptor(Service, "Chat", MethodKind.DuplexStreaming);
    public static readonly GrpcMethod<HangRequest, EchoMessage> Hang = GrpcMethod<HangRequest, EchoMessage>.FromDescriptor(Service, "Hang", MethodKind.Unary);
    public static readonly GrpcMethod<FlakyRequest, FlakyReply> FlakyIdempotent = GrpcMethod<FlakyRequest, FlakyReply>.FromDescriptor(Service, "Flaky", MethodKind.Unary, isIdempotent: true);
    public static readonly GrpcMethod<FlakyRequest, FlakyReply> FlakyNotIdempotent = GrpcMethod<FlakyRequest, FlakyReply>.FromDescriptor(Service, "Flaky", MethodKind.Unary);
    public static readonly GrpcMethod<EchoMessage, EchoMessage> Crash = GrpcMethod<EchoMessage, EchoMessage>.FromDescriptor(Service, "Crash", MethodKind.Unary);
}
