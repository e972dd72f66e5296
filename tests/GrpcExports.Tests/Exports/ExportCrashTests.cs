using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Rendering.Export;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>
/// A server killed with SIGKILL while it renders: after a restart the job's lease runs out, a worker takes it over and
/// renders it again from the start (or fails it once the attempts are used up), and a watcher that connects after the
/// restart sees it finish.
/// </summary>
public sealed class ExportCrashTests
{
    [Fact]
    public async Task An_export_whose_server_was_killed_mid_render_completes_after_a_restart()
    {
        await using var run = await CrashedRender.StartAsync(maxAttempts: 3);
        await using var restarted = await run.RestartAsync();
        var watched = await new ExportServiceClient(restarted.Connection).WatchToEndAsync(run.ExportId);

        var finished = watched[^1];
        Assert.Equal((ExportStatus.Succeeded, 2), (finished.Status, finished.Attempt));
        Assert.Contains(watched, e => e.Status == ExportStatus.Rendering && e.Attempt == 2);
        var file = Path.Combine(run.OutputDirectory, run.ExportId + ".mp4");
        Assert.Equal(finished.Output.SizeBytes, new FileInfo(file).Length);
        var probed = await ProbedExport.ReadAsync(file);
        Assert.Equal(("h264", CrashedRender.Frames), (probed.VideoCodec, (int)Math.Round(probed.DurationSeconds * CrashedRender.Fps)));
        // What the killed attempt was writing (its partial output, its scratch folder) is gone too.
        Assert.Equal([file], run.OutputFiles());
        Assert.Empty(Directory.GetDirectories(Path.Combine(run.OutputDirectory, ".scratch")));
    }

    [Fact]
    public async Task An_export_killed_on_its_last_allowed_attempt_fails_with_retries_exhausted_after_a_restart()
    {
        await using var run = await CrashedRender.StartAsync(maxAttempts: 1);
        await using var restarted = await run.RestartAsync();
        var watched = await new ExportServiceClient(restarted.Connection).WatchToEndAsync(run.ExportId);

        var finished = watched[^1];
        Assert.Equal((ExportStatus.Failed, ErrorReason.RenderRetriesExhausted), (finished.Status, finished.Error.Reason));
        Assert.Equal("1", finished.Error.Metadata["attempts"]);
        Assert.Empty(run.OutputFiles());
    }

    /// <summary>A server process rendering a 10-second export, killed once frames are coming out; the database and directories outlive it.</summary>
    private sealed class CrashedRender : IAsyncDisposable
    {
        public const int Fps = 30, Seconds = 10, Frames = Fps * Seconds;

        private readonly TemporaryDirectory _directory;
        private readonly string[] _configuration;

        private CrashedRender(TemporaryDirectory directory, string[] configuration, string exportId)
        {
            _directory = directory;
            _configuration = configuration;
            ExportId = exportId;
        }

        public string ExportId { get; }

        public string OutputDirectory => Path.Combine(_directory.Path, "exports");

        public static async Task<CrashedRender> StartAsync(int maxAttempts)
        {
            var directory = new TemporaryDirectory();
            var media = Directory.CreateDirectory(Path.Combine(directory.Path, "media")).FullName;
            await TestVideos.TestPatternAsync(Path.Combine(media, "pattern.mp4"), 640, 360, Seconds);
            string[] configuration =
            [
                $"--Database:ConnectionString={await TestPostgres.CreateDatabaseAsync()}",
                $"--Exports:OutputDirectory={Path.Combine(directory.Path, "exports")}", $"--Exports:MediaDirectory={media}",
                $"--Exports:MaxAttempts={maxAttempts}", "--Exports:LeaseDuration=00:00:03", "--Exports:PollInterval=00:00:00.5",
            ];
            await using var first = await Instance.StartAsync(configuration);
            var exports = new ExportServiceClient(first.Connection);
            var created = (await exports.CreateExportAsync(new CreateExportRequest
            {
                EditorState = VideoFromMedia("pattern.mp4", 640, 360, Seconds), Options = new ExportOptions { Fps = Fps },
            })).Export;
            var rendering = await exports.WatchUntilAsync(created.Id, e => e.Status != ExportStatus.Queued && e.Progress.FramesDone > 0);
            await first.Process.KillAsync();
            Assert.True(rendering.Status == ExportStatus.Rendering && rendering.Progress.FramesDone < Frames, rendering.ToString());
            return new CrashedRender(directory, configuration, created.Id);
        }

        public Task<Instance> RestartAsync() => Instance.StartAsync(_configuration);

        /// <summary>Every file in the output directory, the scratch folders included.</summary>
        public IReadOnlyList<string> OutputFiles() => Directory.GetFiles(OutputDirectory, "*", SearchOption.AllDirectories);

        public ValueTask DisposeAsync()
        {
            _directory.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>One server process and a client connection to it.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private Instance(ServerProcess process)
        {
            Process = process;
            Connection = process.Connect();
        }

        public ServerProcess Process { get; }

        public GrpcConnection Connection { get; }

        public static async Task<Instance> StartAsync(string[] configuration) => new(await ServerProcess.StartAsync(configuration));

        public async ValueTask DisposeAsync()
        {
            Connection.Dispose();
            await Process.DisposeAsync();
        }
    }
}
