using System.Collections.Concurrent;

namespace GrpcExports.Server.Exports.Workers;

/// <summary>The renders this instance is running, so that a cancellation (from CancelExport here or announced by another instance) stops them.</summary>
internal sealed class RunningRenders
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    /// <summary>A token cancelled when the export is cancelled; dispose the registration when the render ends.</summary>
    public RenderRegistration Register(Guid exportId)
    {
        var cancel = new CancellationTokenSource();
        _running[exportId] = cancel;
        return new RenderRegistration(cancel, () =>
        {
            _running.TryRemove(new KeyValuePair<Guid, CancellationTokenSource>(exportId, cancel));
            cancel.Dispose();
        });
    }

    public void Cancel(Guid exportId)
    {
        if (_running.TryGetValue(exportId, out var cancel))
        {
            try
            {
                cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The render ended while we looked.
            }
        }
    }
}

/// <summary>A running render's entry in <see cref="RunningRenders"/>.</summary>
internal sealed class RenderRegistration(CancellationTokenSource cancel, Action remove) : IDisposable
{
    public CancellationToken Cancelled { get; } = cancel.Token;

    public void Dispose() => remove();
}
