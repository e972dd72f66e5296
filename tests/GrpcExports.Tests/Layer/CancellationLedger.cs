using System.Collections.Concurrent;

namespace GrpcExports.Tests.Layer;

/// <summary>What the probe's hanging handlers saw: that they started, and whether their call token was cancelled when they ended.</summary>
public sealed class CancellationLedger
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _endings = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _starts = new();

    public void RecordStarted(string tag) =>
        _starts.GetOrAdd(tag, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes when the handler tagged <paramref name="tag"/> has started waiting.</summary>
    public Task WhenStarted(string tag) =>
        _starts.GetOrAdd(tag, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Record(string tag, bool cancelled) => Ending(tag).TrySetResult(cancelled);

    /// <summary>Completes when the handler tagged <paramref name="tag"/> ends, with whether its token was cancelled.</summary>
    public Task<bool> WhenEnded(string tag) => Ending(tag).Task;

    private TaskCompletionSource<bool> Ending(string tag) =>
        _endings.GetOrAdd(tag, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
}
