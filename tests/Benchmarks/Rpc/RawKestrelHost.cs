using GrpcExports.Protocol.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Benchmarks.Rpc;

/// <summary>
/// Host B, the floor for a gRPC unary call over Kestrel: one middleware that reads the request body to its end and
/// answers with the bytes our layer sends for that request (headers, framed message, grpc-status trailer), without
/// parsing or serializing anything. <see cref="ResponseComparison"/> checks that the two answers are the same.
/// </summary>
public static class RawKestrelHost
{
    public const string Name = "raw";

    private const string OkStatus = "0";

    public static async Task<BenchmarkHost> StartAsync(EchoExchange exchange, CancellationToken cancellationToken)
    {
        var calls = new CallCounter();
        var builder = LoopbackKestrel.CreateBuilder();
        var app = builder.Build();
        var responseFrame = exchange.ResponseFrame;
        app.Run(async http =>
        {
            var body = http.Request.BodyReader;
            while (true)
            {
                var read = await body.ReadAsync();
                body.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
            calls.Increment();
            var response = http.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = GrpcHeaders.ContentType;
            response.Headers[GrpcHeaders.AcceptEncoding] = MessageCompression.Supported;
            await response.BodyWriter.WriteAsync(responseFrame);
            response.AppendTrailer(GrpcHeaders.Status, OkStatus);
        });
        var address = await LoopbackKestrel.StartAsync(app, cancellationToken);
        return new BenchmarkHost(Name, app, address, calls);
    }
}
