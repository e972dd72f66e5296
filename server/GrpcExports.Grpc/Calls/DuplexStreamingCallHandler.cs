using Google.Protobuf;
using GrpcExports.Grpc.Interception;
using Microsoft.AspNetCore.Http;

namespace GrpcExports.Grpc.Calls;

internal sealed class DuplexStreamingCallHandler<TService, TRequest, TResponse>(
    string method, CallPipeline pipeline,
    Func<TService, IAsyncEnumerable<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
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
        await invoker(service, requests, new ResponseStreamWriter<TResponse>(response, context.CancellationToken), context)
            .ConfigureAwait(false);
    }
}
