using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;

namespace Benchmarks.LoadTest;

/// <summary>
/// Many WatchExport streams at once, spread over a few exports and over connections of
/// <see cref="LoadOptions.WatchersPerConnection"/> streams each; counts the streams that ended with the terminal state.
/// </summary>
public sealed class WatcherCrowd(IReadOnlyList<GrpcConnection> connections)
{
    private int _opened, _terminal, _broken, _messages;

    /// <summary>Streams whose first message arrived.</summary>
    public int Opened => _opened;

    /// <summary>Streams whose last message had a terminal status.</summary>
    public int Terminal => _terminal;

    /// <summary>Streams that failed or ended without a terminal status.</summary>
    public int Broken => _broken;

    public int Messages => _messages;

    public Task WatchAsync(IReadOnlyList<string> exportIds, int watchers) =>
        Task.WhenAll(Enumerable.Range(0, watchers).Select(i =>
            WatchOneAsync(new ExportServiceClient(connections[i / LoadOptions.WatchersPerConnection]), exportIds[i % exportIds.Count])));

    private async Task WatchOneAsync(ExportServiceClient exports, string exportId)
    {
        ExportStatus? last = null;
        try
        {
            await foreach (var message in exports.WatchExportAsync(new WatchExportRequest { ExportId = exportId }))
            {
                if (last is null)
                {
                    Interlocked.Increment(ref _opened);
                }
                last = message.Export.Status;
                Interlocked.Increment(ref _messages);
            }
        }
        catch (RpcException)
        {
            last = null;
        }
        Interlocked.Increment(ref last is ExportStatus.Succeeded or ExportStatus.Failed or ExportStatus.Cancelled ? ref _terminal : ref _broken);
    }
}
