using System.Collections.Concurrent;

namespace GrpcExports.Tests.Layer;

/// <summary>
/// What the probe's handlers saw: that hanging calls started and whether their token was cancelled when they ended,
/// and how many attempts a flaky call had.
/// </summary>
public sealed class CancellationLedger
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _endings = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _starts = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    /// <summary>Counts one more attempt of the call tagged <paramref name="tag"/> and returns the count.</summary>
    public int CountAttempt(string tag) => _attempts.AddOrUpdate(tag, 1, (_, count) => count + 1);

    public int AttemptsOf(string tag) => _attempts.GetValueOrDefault(tag);

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
