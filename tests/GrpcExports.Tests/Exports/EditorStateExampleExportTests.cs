using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Rendering;
using GrpcExports.Tests.Rendering.Export;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>
/// Every valid example of the editor-state corpus through a real server: it exports (checked with ffprobe), or, for
/// the kinds the renderer cannot draw, CreateExport refuses it with UNSUPPORTED_ITEM_TYPE naming exactly those items.
/// The examples' media (cover.png) is generated into the server's media directory.
/// </summary>
public sealed class EditorStateExampleExportTests : IAsyncLifetime
{
    /// <summary>The examples holding items that cannot be drawn, with those items' ids.</summary>
    private static readonly Dictionary<string, string> UndrawableItems = new(StringComparer.Ordinal)
    {
        ["editor-state.valid.chart.json"] = "item-chart-1",
        ["editor-state.valid.text-template.json"] = "item-template-1",
    };

    private ExportServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ExportServer.StartAsync();
        Directory.CreateDirectory(_server.MediaDirectory);
        await TestImages.QuadrantsPngAsync(Path.Combine(_server.MediaDirectory, "cover.png"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_valid_example_exports_or_is_refused_naming_exactly_its_undrawable_items()
    {
        var exported = 0;
        foreach (var name in ValidCorpusNames())
        {
            var request = new CreateExportRequest { EditorState = Parse(CorpusJson(name)), Options = new ExportOptions { Fps = 10 }, Name = name };
            if (UndrawableItems.TryGetValue(name, out var itemIds))
            {
                var error = await Assert.ThrowsAsync<RpcException>(() => _server.Exports.CreateExportAsync(request));
                Assert.Equal((StatusCode.FailedPrecondition, "UNSUPPORTED_ITEM_TYPE", itemIds),
                    (error.StatusCode, error.Reason, error.ErrorInfo!.Metadata["itemIds"]));
                continue;
            }
            var created = (await _server.Exports.CreateExportAsync(request)).Export;
            var finished = (await _server.Exports.WatchToEndAsync(created.Id))[^1];
            Assert.True(finished.Status == ExportStatus.Succeeded, $"{name}: {finished}");
            var probed = await ProbedExport.ReadAsync(Path.Combine(_server.OutputDirectory, created.Id + ".mp4"));
            Assert.Equal(("h264", 10.0), (probed.VideoCodec, probed.FrameRate));
            Assert.Equal((finished.Output.Width, finished.Output.Height), (probed.Width, probed.Height));
            Assert.InRange(probed.DurationSeconds, 0.05, created.DurationSeconds + 0.15);
            exported++;
        }
        Assert.Equal(ValidCorpusNames().Count() - UndrawableItems.Count, exported);
    }
}
