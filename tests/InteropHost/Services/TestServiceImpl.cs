using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Testing;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.Wire;
using InteropHost.Features;

namespace InteropHost.Services;

/// <summary>
/// grpc.testing.TestService with the server features of grpc/grpc doc/interop-test-descriptions.md: payload sizes,
/// Echo Status, Echo Metadata, CompressedRequest, CompressedResponse and interval_us.
/// </summary>
public sealed class TestServiceImpl : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestReflection.Descriptor.Services[0];

    public Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        MetadataEcho.Apply(context);
        return Task.FromResult(new Empty());
    }

    public Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        MetadataEcho.Apply(context);
        CompressionExpectation.Verify(request.ExpectCompressed, context);
        StatusEcho.ThrowIfRequested(request.ResponseStatus);
        CompressionExpectation.ApplyToNextResponse(request.ResponseCompressed, context);
        return Task.FromResult(new SimpleResponse { Payload = Payloads.Zeros(request.ResponseType, request.ResponseSize) });
    }

    /// <summary>
    /// A response that differs on every call (the current time in nanoseconds) and may be cached for 60 seconds.
    /// Over POST no proxy caches it; the point is only that the method answers.
    /// </summary>
    public Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context)
    {
        MetadataEcho.Apply(context);
        context.ResponseHeaders.CacheControl = "max-age=60";
        var nanoseconds = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100 + Stopwatch.GetTimestamp() % 100;
        return Task.FromResult(new SimpleResponse
        {
            Payload = new Payload
            {
                Type = PayloadType.Compressable,
                Body = ByteString.CopyFromUtf8(nanoseconds.ToString(CultureInfo.InvariantCulture)),
            },
        });
    }

    public async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses,
        ServerCallContext context)
    {
        MetadataEcho.Apply(context);
        StatusEcho.ThrowIfRequested(request.ResponseStatus);
        await StreamedResponses.WriteAsync(request, responses, context);
    }

    public async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncEnumerable<StreamingInputCallRequest> requests,
        ServerCallContext context)
    {
        MetadataEcho.Apply(context);
        var total = 0;
        await foreach (var request in requests)
        {
            CompressionExpectation.Verify(request.ExpectCompressed, context);
            total += Payloads.SizeOf(request.Payload);
        }
        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public async Task FullDuplexCall(IAsyncEnumerable<StreamingOutputCallRequest> requests,
        IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        MetadataEcho.Apply(context);
        await foreach (var request in requests)
        {
            StatusEcho.ThrowIfRequested(request.ResponseStatus);
            await StreamedResponses.WriteAsync(request, responses, context);
        }
    }

    public async Task HalfDuplexCall(IAsyncEnumerable<StreamingOutputCallRequest> requests,
        IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        MetadataEcho.Apply(context);
        var buffered = new List<StreamingOutputCallRequest>();
        await foreach (var request in requests)
        {
            StatusEcho.ThrowIfRequested(request.ResponseStatus);
            buffered.Add(request);
        }
        foreach (var request in buffered)
        {
            await StreamedResponses.WriteAsync(request, responses, context);
        }
    }

    /// <summary>The method the interop suite expects no server to implement.</summary>
    public Task<Empty> UnimplementedCall(Empty request, ServerCallContext context) =>
        throw new RpcException(StatusCode.Unimplemented, "grpc.testing.TestService/UnimplementedCall is not implemented.");
}
