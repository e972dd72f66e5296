using System.Collections.Concurrent;

namespace GrpcExports.Tests.Layer;

/// <summary>What the probe's hanging handlers saw when they ended: whether their call token was cancelled.</summary>
public sealed class CancellationLedger
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _endings = new();

    public void Record(string tag, bool cancelled) => Ending(tag).TrySetResult(cancelled);

    /// <summary>Completes when the handler tagged <paramref name="tag"/> ends, with whether its token was cancelled.</summary>
    public Task<bool> WhenEnded(string tag) => Ending(tag).Task;

    private TaskCompletionSource<bool> Ending(string tag) =>
        _endings.GetOrAdd(tag, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
}
