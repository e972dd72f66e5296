using Google.Protobuf;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client.Internal;

/// <summary>Whether, and after how long, a failed attempt of a call is tried again.</summary>
internal sealed class RetryDecision
{
    private readonly RetryPolicy _policy;
    private readonly bool _isIdempotent;
    private readonly CallScope _scope;

    public RetryDecision(RetryPolicy policy, bool isIdempotent, CallScope scope)
    {
        _policy = policy;
        _isIdempotent = isIdempotent;
        _scope = scope;
    }

    /// <param name="error">How the attempt failed.</param>
    /// <param name="attemptsMade">The attempts made so far, the failed one included.</param>
    /// <param name="delay">How long to wait before the next attempt.</param>
    public bool ShouldRetry(RpcException error, int attemptsMade, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (!_isIdempotent
            || error.StatusCode != StatusCode.Unavailable
            || attemptsMade >= _policy.MaxAttempts
            || _scope.StopReason is not null)
        {
            return false;
        }
        delay = ServerRequestedDelay(error) ?? _policy.GetBackoff(attemptsMade);
        // The next attempt could not finish before the deadline; the UNAVAILABLE says more than a timeout would.
        return _scope.Deadline is not { } deadline || DateTime.UtcNow + delay < deadline;
    }

    private static TimeSpan? ServerRequestedDelay(RpcException error)
    {
        try
        {
            var delay = error.RetryInfo?.RetryDelay?.ToTimeSpan();
            return delay >= TimeSpan.Zero ? delay : null;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidOperationException)
        {
            return null;
        }
    }
}
