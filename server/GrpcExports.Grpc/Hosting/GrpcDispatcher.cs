using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Grpc.Interception;
using GrpcExports.Protocol.Wire;
using Microsoft.AspNetCore.Http;

namespace GrpcExports.Grpc.Hosting;

/// <summary>
/// Routes requests to call handlers by path. A gRPC request for a route nobody serves is UNIMPLEMENTED; a request to
/// a served route that is not gRPC is answered 415 (wrong content type) or 405 (not POST); anything else passes on
/// to the rest of the application.
/// </summary>
internal sealed class GrpcDispatcher
{
    private readonly Dictionary<string, CallHandler> _handlers;
    private readonly HashSet<string> _services;
    private readonly CallLog _log;

    public GrpcDispatcher(IEnumerable<ServiceRegistration> registrations, CallPipeline pipeline)
    {
        _log = pipeline.Log;
        var list = registrations.ToList();
        _handlers = MethodBinder.Bind(list, pipeline);
        _services = list.Select(r => r.Descriptor.FullName).ToHashSet(StringComparer.Ordinal);
    }

    public async Task DispatchAsync(HttpContext http, RequestDelegate next)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        var isGrpc = GrpcHeaders.IsGrpcContentType(http.Request.ContentType);
        if (!_handlers.TryGetValue(path, out var handler))
        {
            if (isGrpc)
            {
                await RespondUnimplementedAsync(http, path).ConfigureAwait(false);
                return;
            }
            await next(http).ConfigureAwait(false);
            return;
        }
        if (!isGrpc)
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await http.Response.WriteAsync($"Content-Type '{http.Request.ContentType}' is not supported; use {GrpcHeaders.ContentType}.")
                .ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        await handler.HandleAsync(http).ConfigureAwait(false);
    }

    private Task RespondUnimplementedAsync(HttpContext http, string path)
    {
        var service = path.Length > 1 && path.IndexOf('/', 1) is var slash and > 0 ? path[1..slash] : path.TrimStart('/');
        var message = _services.Contains(service)
            ? $"Method '{path}' is not implemented by service '{service}'."
            : $"Service '{service}' is not served here.";
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = GrpcHeaders.ContentType;
        http.Response.Headers[GrpcHeaders.Status] = ((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers[GrpcHeaders.Message] = PercentEncoding.Encode(message);
        _log.CallEnded(path, StatusCode.Unimplemented, TimeSpan.Zero, handlerFailure: null);
        return Task.CompletedTask;
    }
}
