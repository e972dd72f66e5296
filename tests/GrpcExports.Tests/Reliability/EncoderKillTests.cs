using System.Diagnostics;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Exports;
using GrpcExports.Tests.Support;
using Xunit.Abstractions;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Reliability;

/// <summary>
/// The ffmpeg encoder is SIGKILLed at a random frame of an export (2 exports in CI, 10 with GX_FAULTS=full): the job
/// fails with RENDER_FAILED saying the encoder failed, no partial file, scratch file or ffmpeg process is left, and the
/// server renders the next export.
/// </summary>
public sealed class EncoderKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_export_whose_encoder_is_killed_fails_with_a_clear_reason_and_leaves_nothing_behind()
    {
        var random = FaultRun.SeededRandom(output);
        await using var server = await FaultServer.StartAsync();
        for (var round = 1; round <= FaultRun.Size(reduced: 2, full: 10); round++)
        {
            var created = (await server.Exports.CreateExportAsync(new CreateExportRequest
            {
                EditorState = SolidColour("#5500aa", seconds: 20, width: 1280, height: 720), Options = new ExportOptions { Fps = 30 },
            })).Export;
            var killAt = random.Next(1, 300);
            var rendering = await server.Exports.WatchUntilAsync(created.Id, e => e.Progress.FramesDone >= killAt || IsTerminal(e.Status));
            Assert.Equal(ExportStatus.Rendering, rendering.Status);
            var encoder = Assert.Single(server.Ffmpegs(), IsEncoder);
            Process.GetProcessById(int.Parse(encoder.Split(' ')[0])).Kill();
            output.WriteLine($"round {round}: killed the encoder at frame {rendering.Progress.FramesDone}");

            var finished = (await server.Exports.WatchToEndAsync(created.Id))[^1];
            Assert.Equal((ExportStatus.Failed, ErrorReason.RenderFailed), (finished.Status, finished.Error.Reason));
            Assert.Contains("encoder (ffmpeg)", finished.Error.Message, StringComparison.Ordinal);
            await Poll.UntilAsync(() => server.Leftovers().Count == 0 && server.Ffmpegs().Count == 0, ExportStreams.HangGuard);
            Assert.False(File.Exists(Path.Combine(server.OutputDirectory, created.Id + ".mp4")));
        }

        var next = (await server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#00aa55", seconds: 1), Options = new ExportOptions { Fps = 10 },
        })).Export;
        Assert.Equal(ExportStatus.Succeeded, (await server.Exports.WatchToEndAsync(next.Id))[^1].Status);
    }

    private static bool IsTerminal(ExportStatus status) => status is not (ExportStatus.Queued or ExportStatus.Rendering);

    /// <summary>The encoder reads raw frames from its standard input; decoders write theirs to standard output.</summary>
    private static bool IsEncoder(string process) =>
        File.ReadAllText($"/proc/{process.Split(' ')[0]}/cmdline").Split('\0').Contains("pipe:0");
}
