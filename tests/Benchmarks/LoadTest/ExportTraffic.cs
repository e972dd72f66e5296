using GrpcExports.Client;
using GrpcExports.Protocol.V1;

namespace Benchmarks.LoadTest;

/// <summary>
/// Exports running beside the autosave load: as many loops as the user's active-export limit allows, each exporting the
/// user's project (480p, 10 fps, draft) and, once it ends, again.
/// </summary>
public sealed class ExportTraffic(ExportServiceClient exports)
{
    /// <summary>The default active-export limit per user.</summary>
    public const int Concurrent = 2;

    private int _succeeded, _failed;

    public int Succeeded => _succeeded;

    public int Failed => _failed;

    public static ExportOptions Options => new() { Resolution = ResolutionPreset.Sd480P, Fps = 10, Quality = ExportQuality.Draft };

    public Task RunAsync(string projectId, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => LoopAsync(projectId, stop)));

    private async Task LoopAsync(string projectId, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Export created;
            try
            {
                created = (await exports.CreateExportAsync(new CreateExportRequest { ProjectId = projectId, Options = Options }, cancellationToken: stop)).Export;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            var last = created;
            // The export runs to its end even when the load stops meanwhile: it is not cancelled, only not followed by another.
            await foreach (var message in exports.WatchExportAsync(new WatchExportRequest { ExportId = created.Id }))
            {
                last = message.Export;
            }
            Interlocked.Increment(ref last.Status == ExportStatus.Succeeded ? ref _succeeded : ref _failed);
        }
    }
}
