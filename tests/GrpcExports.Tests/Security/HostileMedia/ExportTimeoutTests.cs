using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Exports;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Security.HostileMedia;

/// <summary>An export whose tools are given no time at all fails with RENDER_TIMEOUT and leaves no output.</summary>
public sealed class ExportTimeoutTests
{
    [Fact]
    public async Task An_export_whose_encoder_outlives_its_time_bound_fails_with_render_timeout()
    {
        await using var server = await ExportServer.StartAsync("--MediaTools:Timeout=00:00:00.001", "--MediaTools:TimeoutPerMediaSecond=00:00:00");

        var created = (await server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#0000ff", seconds: 0.5), Options = new ExportOptions { Fps = 10 },
        })).Export;
        var finished = (await server.Exports.WatchToEndAsync(created.Id))[^1];

        Assert.Equal((ExportStatus.Failed, ErrorReason.RenderTimeout), (finished.Status, finished.Error.Reason));
        Assert.Contains("time bound", finished.Error.Message, StringComparison.Ordinal);
        Assert.Empty(server.OutputFiles());
    }
}
