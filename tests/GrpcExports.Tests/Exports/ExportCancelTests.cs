using System.Diagnostics;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Rendering.Export;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>Cancelling a render in progress: it stops, its ffmpeg processes end, and no file is left.</summary>
[Collection(ExportResourceCollection.Name)]
public sealed class ExportCancelTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Cancelling_mid_render_stops_ffmpeg_and_leaves_no_file()
    {
        await using var server = await ExportServer.StartAsync();
        // Long enough (600 frames at 720p) that the render is still going when the cancellation arrives.
        var created = (await server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#00ff00", seconds: 20, width: 1280, height: 720),
        })).Export;

        var rendering = await server.Exports.WatchUntilAsync(created.Id, e => e.Progress.FramesDone > 0);
        var watching = server.Exports.WatchToEndAsync(created.Id);
        var sinceCancel = Stopwatch.StartNew();
        var cancelled = (await server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = created.Id })).Export;
        var watched = await watching;
        // The render winds down after the reply: processes are killed, then partial files removed.
        await Poll.UntilAsync(() => ChildProcesses.Named("ffmpeg").Count == 0 && server.OutputFiles().Count == 0, ExportStreams.HangGuard);
        output.WriteLine($"No ffmpeg and no file {sinceCancel.ElapsedMilliseconds} ms after CancelExport was sent.");

        Assert.Equal(ExportStatus.Rendering, rendering.Status);
        Assert.True(rendering.Progress.FramesDone < rendering.Progress.FramesTotal);
        Assert.Equal(ExportStatus.Cancelled, cancelled.Status);
        Assert.Equal(ExportStatus.Cancelled, watched[^1].Status);
        Assert.Equal(cancelled, (await server.Exports.GetExportAsync(new GetExportRequest { ExportId = created.Id })).Export);
    }
}
