using System.Threading.Channels;
using GrpcExports.Grpc.Binding;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace GrpcExports.Grpc.Health;

/// <summary>
/// The serving status of the server ("") and of each served service, and the watchers to tell when one changes.
/// Every registered service starts SERVING.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ChannelWriter<ServingStatus>>> _watchers = new(StringComparer.Ordinal);

    public HealthStatusRegistry(IEnumerable<ServiceRegistration> registrations)
    {
        _statuses[string.Empty] = ServingStatus.Serving;
        foreach (var registration in registrations)
        {
            _statuses[registration.Descriptor.FullName] = ServingStatus.Serving;
        }
    }

    /// <summary>The status of <paramref name="service"/>, or null for a service this server does not know.</summary>
    public ServingStatus? Find(string service)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    public void Set(string service, ServingStatus status)
    {
        lock (_lock)
        {
            if (_statuses.TryGetValue(service, out var current) && current == status)
            {
                return;
            }
            _statuses[service] = status;
            foreach (var watcher in _watchers.GetValueOrDefault(service) ?? [])
            {
                watcher.TryWrite(status);
            }
        }
    }

    /// <summary>Sets every known service, and the server itself, to <paramref name="status"/>.</summary>
    public void SetAll(ServingStatus status)
    {
        List<string> names;
        lock (_lock)
        {
            names = _statuses.Keys.ToList();
        }
        foreach (var name in names)
        {
            Set(name, status);
        }
    }

    /// <summary>
    /// A reader that yields the status of <paramref name="service"/> now (SERVICE_UNKNOWN if unknown), then each
    /// change, until the returned subscription is disposed. Only the latest status is kept for a slow reader.
    /// </summary>
    public Subscription Watch(string service)
    {
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            channel.Writer.TryWrite(_statuses.TryGetValue(service, out var status) ? status : ServingStatus.ServiceUnknown);
            if (!_watchers.TryGetValue(service, out var list))
            {
                _watchers[service] = list = [];
            }
            list.Add(channel.Writer);
        }
        return new Subscription(channel.Reader, () =>
        {
            lock (_lock)
            {
                _watchers[service].Remove(channel.Writer);
            }
        });
    }

    public sealed class Subscription(ChannelReader<ServingStatus> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<ServingStatus> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
