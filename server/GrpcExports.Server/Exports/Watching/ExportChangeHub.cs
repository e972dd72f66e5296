using System.Threading.Channels;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Exports.Watching;

/// <summary>
/// In-process fan-out of export changes to WatchExport streams: the workers of this instance publish every progress
/// report, <see cref="ExportChangeListener"/> publishes what other instances announce. Each watcher keeps only the latest
/// state it has not sent yet, so a slow watcher skips intermediate progress instead of holding anyone up.
/// </summary>
internal sealed class ExportChangeHub
{
    private readonly Dictionary<Guid, List<Channel<Export>>> _watchers = [];
    private readonly Lock _lock = new();

    /// <summary>Starts receiving the changes of one export; dispose to stop.</summary>
    public ExportSubscription Subscribe(Guid exportId)
    {
        var channel = Channel.CreateBounded<Export>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false,
        });
        lock (_lock)
        {
            if (!_watchers.TryGetValue(exportId, out var list))
            {
                _watchers[exportId] = list = [];
            }
            list.Add(channel);
        }
        return new ExportSubscription(channel.Reader, () => Unsubscribe(exportId, channel));
    }

    public bool HasWatchers(Guid exportId)
    {
        lock (_lock)
        {
            return _watchers.ContainsKey(exportId);
        }
    }

    public void Publish(Guid exportId, Export export)
    {
        Channel<Export>[] channels;
        lock (_lock)
        {
            if (!_watchers.TryGetValue(exportId, out var list))
            {
                return;
            }
            channels = [.. list];
        }
        foreach (var channel in channels)
        {
            channel.Writer.TryWrite(export);
        }
    }

    private void Unsubscribe(Guid exportId, Channel<Export> channel)
    {
        lock (_lock)
        {
            if (_watchers.TryGetValue(exportId, out var list) && list.Remove(channel) && list.Count == 0)
            {
                _watchers.Remove(exportId);
            }
        }
    }
}

/// <summary>One watcher's view of an export's changes: the latest one not yet read.</summary>
internal sealed class ExportSubscription(ChannelReader<Export> changes, Action unsubscribe) : IDisposable
{
    public ChannelReader<Export> Changes { get; } = changes;

    public void Dispose() => unsubscribe();
}
