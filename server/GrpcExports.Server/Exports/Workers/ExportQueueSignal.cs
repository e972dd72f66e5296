namespace GrpcExports.Server.Exports.Workers;

/// <summary>Wakes idle workers when a job is queued, so they need not wait for their next poll.</summary>
internal sealed class ExportQueueSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Wake()
    {
        // One pending wake-up per worker is enough; more would only make them poll in vain.
        if (_signal.CurrentCount < 64)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
