using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using Xunit.Abstractions;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>200 WatchExport streams on one export, over four connections, all receive the terminal state and then end.</summary>
public sealed class ExportManyWatchersTests(ITestOutputHelper output)
{
    private const int Watchers = 200, Connections = 4;

    [Fact]
    public async Task Two_hundred_concurrent_watchers_all_receive_the_terminal_state()
    {
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0");
        var created = (await server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#336699", 2), Options = new ExportOptions { Fps = 10 },
        })).Export;
        var connections = Enumerable.Range(0, Connections).Select(_ => server.Connect()).ToList();
        try
        {
            var subscribed = new CountdownEvent(Watchers);
            var watching = Enumerable.Range(0, Watchers).Select(index => WatchAsync(new ExportServiceClient(connections[index % Connections]),
                created.Id, subscribed)).ToList();
            // Every stream has its first message (QUEUED: nothing renders yet) before a worker starts on the export.
            await Task.Run(() => subscribed.Wait(ExportStreams.HangGuard));
            await using var worker = await ExportServer.StartOnAsync(server.ConnectionString, "--Exports:PollInterval=00:00:00.2");
            var streams = await Task.WhenAll(watching);

            Assert.All(streams, messages =>
            {
                Assert.Equal(ExportStatus.Queued, messages[0].Status);
                Assert.Equal(ExportStatus.Succeeded, messages[^1].Status);
            });
            output.WriteLine($"messages per stream: min {streams.Min(s => s.Count)}, max {streams.Max(s => s.Count)}");
        }
        finally
        {
            connections.ForEach(connection => connection.Dispose());
        }
    }

    private static async Task<List<Export>> WatchAsync(ExportServiceClient exports, string exportId, CountdownEvent subscribed)
    {
        using var guard = new CancellationTokenSource(ExportStreams.HangGuard);
        var messages = new List<Export>();
        await foreach (var message in exports.WatchExportAsync(new WatchExportRequest { ExportId = exportId }, cancellationToken: guard.Token))
        {
            messages.Add(message.Export);
            if (messages.Count == 1)
            {
                subscribed.Signal();
            }
        }
        return messages;
    }
}
