using GrpcExports.Client;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Tests.Exports;

/// <summary>Reading WatchExport and DownloadExport streams in tests.</summary>
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

    /// <summary>One DownloadExport stream from <paramref name="offset"/> in chunks of 16 KiB: its info message, the bytes after it and how many chunks carried them.</summary>
    public static async Task<(ExportDownloadInfo Info, byte[] Bytes, int Chunks)> DownloadAsync(this ExportServiceClient exports, string exportId, long offset = 0)
    {
        ExportDownloadInfo? info = null;
        var bytes = new MemoryStream();
        var chunks = 0;
        await foreach (var message in exports.DownloadExportAsync(new DownloadExportRequest
        {
            ExportId = exportId, Offset = offset, ChunkSize = 16 * 1024,
        }))
        {
            if (info is null)
            {
                info = message.Info;
                continue;
            }
            Assert.True(message.Chunk.Length is > 0 and <= 16 * 1024);
            message.Chunk.WriteTo(bytes);
            chunks++;
        }
        return (info!, bytes.ToArray(), chunks);
    }
}
