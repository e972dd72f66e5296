using GrpcExports.Protocol.Wire;
using Microsoft.Extensions.Logging;

namespace GrpcExports.Grpc.Interception;

/// <summary>One structured log line per call: method, status and duration; handler exceptions with their details.</summary>
internal sealed partial class CallLog(ILogger<CallLog> logger)
{
    public void CallEnded(string method, StatusCode status, TimeSpan duration, Exception? handlerFailure)
    {
        if (handlerFailure is not null && status == StatusCode.Unknown)
        {
            HandlerFailed(method, duration.TotalMilliseconds, handlerFailure);
            return;
        }
        Completed(method, status, duration.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "gRPC {Method} {Status} in {DurationMs:0.0} ms")]
    private partial void Completed(string method, StatusCode status, double durationMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC {Method} UNKNOWN in {DurationMs:0.0} ms: the handler threw")]
    private partial void HandlerFailed(string method, double durationMs, Exception exception);
}
