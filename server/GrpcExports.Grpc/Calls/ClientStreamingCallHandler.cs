using Google.Protobuf;
using GrpcExports.Grpc.Interception;
using Microsoft.AspNetCore.Http;

namespace GrpcExports.Grpc.Calls;

internal sealed class ClientStreamingCallHandler<TService, TRequest, TResponse>(
    string method, CallPipeline pipeline, Func<TService, IAsyncEnumerable<TRequest>, ServerCallContext, Task<TResponse>> invoker)
    : CallHandler(method, pipeline)
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    protected override async Task InvokeAsync(HttpContext http, ServerCallContext context, PipeMessageReader reader, CallResponse response)
    {
        var service = Service<TService>(http);
        var requests = new RequestStream<TRequest>(reader, Parser, context.CancellationToken);
        var reply = await invoker(service, requests, context).ConfigureAwait(false);
        await response.WriteMessageAsync(reply, context.CancellationToken).ConfigureAwait(false);
    }
}
