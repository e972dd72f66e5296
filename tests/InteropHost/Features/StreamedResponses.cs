using Grpc.Testing;
using GrpcExports.Grpc.Calls;

namespace InteropHost.Features;

/// <summary>
/// The responses StreamingOutputCall, FullDuplexCall and HalfDuplexCall send for one request: one message per
/// ResponseParameters, in order, each after waiting its interval_us ("Observe ResponseParameters.interval_us") and
/// compressed as its compressed flag says.
/// </summary>
public static class StreamedResponses
{
    public static async Task WriteAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> writer,
        ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            var response = new StreamingOutputCallResponse { Payload = Payloads.Zeros(request.ResponseType, parameters.Size) };
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
            }
            CompressionExpectation.ApplyToNextResponse(parameters.Compressed, context);
            await writer.WriteAsync(response);
        }
    }
}
