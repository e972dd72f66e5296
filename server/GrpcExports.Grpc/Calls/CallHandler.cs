using System.Diagnostics;
using Google.Protobuf;
using GrpcExports.Grpc.Hosting;
using GrpcExports.Grpc.Interception;
using GrpcExports.Protocol.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrpcExports.Grpc.Calls;

/// <summary>
/// Runs one call of any kind: checks the request, applies the deadline, runs the interceptors and the handler,
/// turns the outcome into a status and logs one line. Subclasses supply how messages are read and written.
/// </summary>
internal abstract class CallHandler(string method, CallPipeline pipeline)
{
    private object? _service;

    public string Method { get; } = method;

    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var options = pipeline.Options;
        LiftKestrelLimits(http);

        var requestEncoding = http.Request.Headers[GrpcHeaders.Encoding].ToString();
        var acceptsGzip = MessageCompression.Accepts(http.Request.Headers[GrpcHeaders.AcceptEncoding], MessageCompression.Gzip);
        var requestIsGzip = requestEncoding.Equals(MessageCompression.Gzip, StringComparison.OrdinalIgnoreCase);
        var compressByDefault = requestIsGzip
            || options.ResponseCompression.Equals(MessageCompression.Gzip, StringComparison.OrdinalIgnoreCase);
        var response = new CallResponse(http.Response, options.MaxSendMessageSize, acceptsGzip, compressByDefault);

        var timeoutHeader = http.Request.Headers[GrpcHeaders.Timeout].ToString();
        TimeSpan? timeout = null;
        if (timeoutHeader.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader, out var parsed))
            {
                await Finish(http, response, null, started,
                    new RpcException(StatusCode.Internal, $"Malformed grpc-timeout header '{timeoutHeader}'.")).ConfigureAwait(false);
                return;
            }
            timeout = parsed;
        }
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;

        using var callCancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var reader = new PipeMessageReader(http.Request.BodyReader, options.MaxReceiveMessageSize,
            requestEncoding.Length > 0 ? requestEncoding : null);
        var context = new ServerCallContext(http, Method, deadline, callCancellation.Token, response, reader);

        if (requestEncoding.Length > 0 && !MessageCompression.IsSupported(requestEncoding))
        {
            await Finish(http, response, context, started, new RpcException(StatusCode.Unimplemented,
                $"Unsupported grpc-encoding '{requestEncoding}'; this server supports {MessageCompression.Supported}.")).ConfigureAwait(false);
            return;
        }

        var call = pipeline.HasInterceptors
            ? RunInterceptedAsync(http, context, reader, response)
            : InvokeAsync(http, context, reader, response);

        Exception? failure = null;
        if (timeout is { } limit)
        {
            using var deadlineTimer = new CancellationTokenSource();
            var expiry = Task.Delay(limit, deadlineTimer.Token);
            if (await Task.WhenAny(call, expiry).ConfigureAwait(false) == expiry)
            {
                callCancellation.Cancel();
                await Finish(http, response, context, started, new RpcException(StatusCode.DeadlineExceeded, "Deadline exceeded."))
                    .ConfigureAwait(false);
                await ObserveAsync(call).ConfigureAwait(false);
                return;
            }
            deadlineTimer.Cancel();
        }
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }
        await Finish(http, response, context, started, failure).ConfigureAwait(false);
    }

    /// <summary>
    /// The service implementation, a singleton (<see cref="GrpcLayerExtensions.AddGrpcService{TService}"/>): resolved on
    /// the first call and kept, since resolving it through HttpContext.RequestServices made a DI scope for every call.
    /// </summary>
    protected TService Service<TService>(HttpContext http) where TService : class =>
        (TService)(_service ??= http.RequestServices.GetRequiredService<TService>());

    // Apart from HandleAsync so that the closure is only allocated for calls that have interceptors to run.
    private Task RunInterceptedAsync(HttpContext http, ServerCallContext context, PipeMessageReader reader, CallResponse response) =>
        pipeline.RunAsync(context, () => InvokeAsync(http, context, reader, response));

    /// <summary>Reads the request, runs the handler and writes its response messages.</summary>
    protected abstract Task InvokeAsync(HttpContext http, ServerCallContext context, PipeMessageReader reader, CallResponse response);

    protected static async ValueTask<TRequest> ReadSingleRequestAsync<TRequest>(PipeMessageReader reader, MessageParser<TRequest> parser,
        CancellationToken cancellationToken) where TRequest : class, IMessage<TRequest>
    {
        var request = await reader.ReadRequestAsync(parser, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "The request ended before its message.");
        if (await reader.ReadRequestAsync(parser, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new RpcException(StatusCode.Internal, "More than one request message for a call that takes one.");
        }
        return request;
    }

    private async Task Finish(HttpContext http, CallResponse response, ServerCallContext? context, long started, Exception? failure)
    {
        var status = ToStatus(http, failure);
        if (context is not null)
        {
            context.Status = status.StatusCode;
        }
        await response.CompleteAsync(status.StatusCode, status.Detail, status.Details,
            context?.ResponseTrailersIfAny ?? NoTrailers).ConfigureAwait(false);
        pipeline.Log.CallEnded(Method, status.StatusCode, Stopwatch.GetElapsedTime(started), failure is RpcException ? null : failure);
    }

    // For calls whose handler set no trailers (ServerCallContext makes its dictionary only on first use).
    private static readonly IDictionary<string, Microsoft.Extensions.Primitives.StringValues> NoTrailers =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, Microsoft.Extensions.Primitives.StringValues>(
            new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>());

    // Only carries the status of a call that succeeded (never thrown), so every call shares one: building an exception
    // per call was a measurable part of the layer's per-call cost (see tests/Benchmarks, rpc).
    private static readonly RpcException OkStatus = new(StatusCode.OK, string.Empty);

    private static RpcException ToStatus(HttpContext http, Exception? failure) => failure switch
    {
        null => OkStatus,
        RpcException rpc => rpc,
        MalformedRequestException malformed => RpcException.WithDetails(StatusCode.InvalidArgument, malformed.Message, malformed.ToBadRequest()),
        OperationCanceledException when http.RequestAborted.IsCancellationRequested =>
            new RpcException(StatusCode.Cancelled, "The client cancelled the call."),
        IOException when http.RequestAborted.IsCancellationRequested =>
            new RpcException(StatusCode.Cancelled, "The client cancelled the call."),
        _ => new RpcException(StatusCode.Unknown, "Exception was thrown by handler."),
    };

    private static async Task ObserveAsync(Task call)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch
        {
            // The call already ended with DEADLINE_EXCEEDED; what the handler did after that is of no interest.
        }
    }

    private static void LiftKestrelLimits(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxBody)
        {
            maxBody.MaxRequestBodySize = null;
        }
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRequestRate)
        {
            minRequestRate.MinDataRate = null;
        }
        if (http.Features.Get<IHttpMinResponseDataRateFeature>() is { } minResponseRate)
        {
            minResponseRate.MinDataRate = null;
        }
    }
}
