using Google.Protobuf;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client.Internal;

/// <summary>Runs a unary call: one framed request, exactly one response, retried on UNAVAILABLE when idempotent.</summary>
internal static class UnaryInvoker
{
    public static async Task<UnaryResult<TResponse>> InvokeAsync<TResponse>(
        GrpcConnection connection, string methodPath, byte[] requestFrame, CallSettings settings, CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var scope = new CallScope(settings.Deadline, settings.CancellationToken, cancellationToken);
        var retry = new RetryDecision(connection.Settings.RetryPolicy, settings.IsIdempotent, scope);
        for (var attemptsMade = 1; ; attemptsMade++)
        {
            TimeSpan delay;
            using (var attempt = new CallAttempt(connection.HttpClient, scope, connection.Settings.MaxReceiveMessageSize))
            {
                try
                {
                    var request = connection.Requests.Create(methodPath, settings, scope, new ByteArrayContent(requestFrame), attemptsMade - 1);
                    await attempt.StartAsync(request).ConfigureAwait(false);
                    return await ReadSingleResponseAsync<TResponse>(attempt).ConfigureAwait(false);
                }
                catch (RpcException e) when (retry.ShouldRetry(e, attemptsMade, out delay))
                {
                    // Retried below, once this attempt's stream is released.
                }
            }
            await scope.DelayAsync(delay).ConfigureAwait(false);
        }
    }

    private static async Task<UnaryResult<TResponse>> ReadSingleResponseAsync<TResponse>(CallAttempt attempt)
        where TResponse : class, IMessage<TResponse>, new()
    {
        var parser = MessageParsers<TResponse>.Parser;
        var response = await attempt.ReadMessageAsync(parser).ConfigureAwait(false);
        if (response is not null && await attempt.ReadMessageAsync(parser).ConfigureAwait(false) is not null)
        {
            throw attempt.Fail(new RpcException(StatusCode.Internal, "The server sent more than one response message to a unary call."));
        }
        attempt.Finish();
        if (response is null)
        {
            throw attempt.Fail(new RpcException(StatusCode.Internal, "The server ended a unary call with OK but no response message."));
        }
        return new UnaryResult<TResponse>(response, await attempt.ResponseHeaders.ConfigureAwait(false), attempt.Trailers ?? new Metadata());
    }
}
