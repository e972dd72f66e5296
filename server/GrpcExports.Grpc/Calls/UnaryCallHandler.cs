using Google.Protobuf;
using GrpcExports.Grpc.Interception;
using Microsoft.AspNetCore.Http;

namespace GrpcExports.Grpc.Calls;

internal sealed class UnaryCallHandler<TService, TRequest, TResponse>(
    string method, CallPipeline pipeline, Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker)
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
        var reply = await invoker(service, request, context).ConfigureAwait(false);
        await response.WriteMessageAsync(reply, context.CancellationToken).ConfigureAwait(false);
    }
}
