namespace Benchmarks.Rpc;

/// <summary>
/// Counts the calls a host answered, so a fixed-count run can prove every request reached the handler. Both hosts
/// count the same way, so the comparison stays fair.
/// </summary>
public sealed class CallCounter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
