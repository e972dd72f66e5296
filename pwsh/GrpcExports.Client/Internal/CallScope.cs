using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client.Internal;

/// <summary>
/// The lifetime of one call across all its attempts: a token that trips on the caller's cancellation, on the
/// deadline or on disposal of the call, remembering which came first so the call ends with CANCELLED or
/// DEADLINE_EXCEEDED accordingly.
/// </summary>
internal sealed class CallScope : IDisposable
{
    // Timers cannot wait longer than this; a deadline further away is only sent to the server.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    private readonly CancellationTokenSource _source = new();
    private readonly List<CancellationTokenRegistration> _registrations = [];
    private readonly Timer? _deadlineTimer;
    private RpcException? _reason;
    private int _disposed;

    public CallScope(DateTime? deadline, params CancellationToken[] callerTokens)
    {
        Deadline = deadline;
        Token = _source.Token;
        foreach (var token in callerTokens)
        {
            if (token.CanBeCanceled)
            {
                _registrations.Add(token.UnsafeRegister(
                    static state => ((CallScope)state!).Trip(StatusCode.Cancelled, "The call was cancelled."), this));
            }
        }
        if (deadline is { } d)
        {
            var remaining = d - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                ExpireDeadline();
            }
            else if (remaining < LongestTimer)
            {
                _deadlineTimer = new Timer(static state => ((CallScope)state!).ExpireDeadline(), this, remaining, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>The deadline in UTC, or null.</summary>
    public DateTime? Deadline { get; }

    /// <summary>Cancelled when the call must stop.</summary>
    public CancellationToken Token { get; }

    /// <summary>Why the call was stopped (CANCELLED or DEADLINE_EXCEEDED), or null while it may go on.</summary>
    public RpcException? StopReason => Volatile.Read(ref _reason);

    /// <summary>The time left until the deadline, or null when there is none.</summary>
    public TimeSpan? Remaining => Deadline - DateTime.UtcNow;

    /// <summary>Stops the call as CANCELLED, unless it was already stopped.</summary>
    public void Cancel(string detail = "The call was cancelled.") => Trip(StatusCode.Cancelled, detail);

    /// <summary>Waits between retries; stopping the call ends the wait with its status.</summary>
    public async Task DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e)
        {
            throw TransportErrors.ToRpcException(e, this);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _deadlineTimer?.Dispose();
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _source.Dispose();
    }

    private void ExpireDeadline() => Trip(StatusCode.DeadlineExceeded, "Deadline exceeded.");

    private void Trip(StatusCode code, string detail)
    {
        if (Interlocked.CompareExchange(ref _reason, new RpcException(code, detail), null) is not null
            || Volatile.Read(ref _disposed) == 1)
        {
            return;
        }
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the cancel: the call is over, nothing is left to stop.
        }
    }
}
