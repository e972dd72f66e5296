using GrpcExports.Client;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Tests.Exports;

/// <summary>Reading WatchExport streams in tests.</summary>
internal static class ExportStreams
{
    /// <summary>A generous guard against a stream that never ends; a passing test never comes near it.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    /// <summary>Every message of one WatchExport stream, until the server ends it.</summary>
    public static async Task<List<Export>> WatchToEndAsync(this ExportServiceClient exports, string exportId)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        var messages = new List<Export>();
        await foreach (var message in exports.WatchExportAsync(new WatchExportRequest { ExportId = exportId }, cancellationToken: guard.Token))
        {
            messages.Add(message.Export);
        }
        return messages;
    }

    /// <summary>Watches until <paramref name="condition"/> holds for a message, then stops watching and returns it.</summary>
    public static async Task<Export> WatchUntilAsync(this ExportServiceClient exports, string exportId, Func<Export, bool> condition)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        await foreach (var message in exports.WatchExportAsync(new WatchExportRequest { ExportId = exportId }, cancellationToken: guard.Token))
        {
            if (condition(message.Export))
            {
                return message.Export;
            }
        }
        throw new InvalidOperationException($"The stream of export {exportId} ended before the expected state.");
    }
}
