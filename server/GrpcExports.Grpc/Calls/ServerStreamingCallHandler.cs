using Google.Protobuf;
using GrpcExports.Grpc.Interception;
using Microsoft.AspNetCore.Http;

namespace GrpcExports.Grpc.Calls;

internal sealed class ServerStreamingCallHandler<TService, TRequest, TResponse>(
    string method, CallPipeline pipeline, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : CallHandler(method, pipeline)
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    protected override async Task InvokeAsync(HttpContext http, ServerCallContext context, PipeMessageReader reader, CallResponse response)
    {
        var request = await ReadSingleRequestAsync(reader, Parser, context.CancellationToken).ConfigureAwait(false);
        var service = Service<TService>(http);
        await invoker(service, request, new ResponseStreamWriter<TResponse>(response, context.CancellationToken), context)
            .ConfigureAwait(false);
    }
}
