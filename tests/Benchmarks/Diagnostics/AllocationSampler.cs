using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Benchmarks.Diagnostics;

/// <summary>
/// Which types this process allocates, from the runtime's own allocation sampling (an event about every 100 KB
/// allocated, naming the type that crossed the line): enough calls make the shares exact to a percent or so. For
/// finding what a host allocates per call; not used in the measured rounds (listening costs a little).
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int AllocationTickEventId = 10;

    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Start()
    {
        _bytesByType.Clear();
        _recording = true;
    }

    /// <summary>Stops recording; returns the types with their share of the sampled bytes, largest first.</summary>
    public IReadOnlyList<(string Type, double Share)> Stop(int top)
    {
        _recording = false;
        var total = _bytesByType.Values.Sum();
        return total == 0
            ? []
            : _bytesByType.OrderByDescending(p => p.Value).Take(top).Select(p => (p.Key, (double)p.Value / total)).ToList();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeProvider)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventId != AllocationTickEventId || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }
        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string : null;
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a]) : 0;
        if (type is not null)
        {
            _bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
