using System.Security.Cryptography;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Tests.Rendering.Export;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>Exports through our client against a real server that renders them with ffmpeg, followed with WatchExport to the end.</summary>
public sealed class ExportEndToEndTests : IAsyncLifetime
{
    private ExportServer _server = null!;

    public async Task InitializeAsync() => _server = await ExportServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_project_export_is_watched_from_queued_to_succeeded_and_its_file_is_the_composition()
    {
        var project = (await _server.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = "Red card", FolderId = "cards", EditorState = SolidColour("#ff0000", seconds: 1) },
        })).Project;

        var created = (await _server.Exports.CreateExportAsync(new CreateExportRequest
        {
            ProjectId = project.Id, Options = new ExportOptions { Fps = 10 },
        })).Export;
        var messages = await _server.Exports.WatchToEndAsync(created.Id);

        Assert.Equal(ExportStatus.Queued, created.Status);
        Assert.Equal((project.Id, 1L, "cards", "Red card"), (created.ProjectId, created.ProjectVersion, created.FolderId, created.Name));
        Assert.Equal((10, ExportFormat.Mp4, ExportQuality.Standard, 1.0), (created.Options.Fps, created.Options.Format, created.Options.Quality, created.Options.Scale));
        Assert.Equal(1.0, created.DurationSeconds, 6);
        var last = messages[^1];
        Assert.Equal(ExportStatus.Succeeded, last.Status);
        Assert.All(messages[..^1], m => Assert.True(m.Status is ExportStatus.Queued or ExportStatus.Rendering, m.ToString()));
        var percents = messages.Where(m => m.Status == ExportStatus.Rendering).Select(m => m.Progress.Percent).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.Equal((100.0, 10L, 10L, 1), (last.Progress.Percent, last.Progress.FramesDone, last.Progress.FramesTotal, last.Attempt));
        Assert.NotNull(last.StartTime);
        Assert.NotNull(last.FinishTime);

        var file = Assert.Single(_server.OutputFiles());
        Assert.Equal(created.Id + ".mp4", Path.GetFileName(file));
        Assert.Equal(new FileInfo(file).Length, last.Output.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))), last.Output.Sha256);
        Assert.Equal(("video/mp4", "Red card.mp4", 160, 90), (last.Output.ContentType, last.Output.FileName, last.Output.Width, last.Output.Height));
        var probed = await ProbedExport.ReadAsync(file);
        Assert.Equal(("h264", 160, 90, 10.0), (probed.VideoCodec, probed.Width, probed.Height, probed.FrameRate));
        Assert.Equal(1.0, probed.DurationSeconds, 2);
        var centre = await probed.ColorAtAsync(5, 80, 45);
        Assert.True(centre.R > 230 && centre.G < 25 && centre.B < 25, centre.ToString());
    }

    [Fact]
    public async Task A_stateless_webm_export_succeeds_and_a_late_watcher_gets_only_the_terminal_state()
    {
        var created = (await _server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#0000ff", seconds: 0.5),
            Options = new ExportOptions { Fps = 10, Format = ExportFormat.Webm },
            Name = "blue",
        })).Export;
        var finished = (await _server.Exports.WatchToEndAsync(created.Id))[^1];
        var late = await _server.Exports.WatchToEndAsync(created.Id);
        var read = (await _server.Exports.GetExportAsync(new GetExportRequest { ExportId = created.Id })).Export;

        Assert.Equal(("", 0L, "blue"), (created.ProjectId, created.ProjectVersion, created.Name));
        Assert.Equal(ExportStatus.Succeeded, finished.Status);
        Assert.Equal(finished, Assert.Single(late));
        Assert.Equal(finished, read);
        var probed = await ProbedExport.ReadAsync(Assert.Single(_server.OutputFiles()));
        Assert.Equal(("vp9", 5), (probed.VideoCodec, (int)Math.Round(probed.DurationSeconds * 10)));
    }

    [Fact]
    public async Task An_export_of_a_past_version_renders_that_version_even_after_later_syncs()
    {
        var project = (await _server.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = SolidColour("#00ff00", seconds: 0.5) },
        })).Project;
        await _server.Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = SolidColour("#ff0000", seconds: 0.5) });

        var created = (await _server.Exports.CreateExportAsync(new CreateExportRequest
        {
            ProjectId = project.Id, ProjectVersion = 1, Options = new ExportOptions { Fps = 10 },
        })).Export;
        var finished = (await _server.Exports.WatchToEndAsync(created.Id))[^1];

        Assert.Equal((ExportStatus.Succeeded, 1L), (finished.Status, finished.ProjectVersion));
        var colour = await (await ProbedExport.ReadAsync(Assert.Single(_server.OutputFiles()))).ColorAtAsync(2, 80, 45);
        Assert.True(colour.G > 230 && colour.R < 25, colour.ToString());
    }

    [Fact]
    public async Task A_finished_export_cannot_be_cancelled()
    {
        var created = (await _server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#ffffff", seconds: 0.2), Options = new ExportOptions { Fps = 10 },
        })).Export;
        await _server.Exports.WatchToEndAsync(created.Id);

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = created.Id }));

        Assert.Equal((StatusCode.FailedPrecondition, "EXPORT_NOT_CANCELLABLE"), (error.StatusCode, error.Reason));
        Assert.Equal((created.Id, "SUCCEEDED"), (error.ErrorInfo!.Metadata["exportId"], error.ErrorInfo.Metadata["status"]));
        Assert.Single(_server.OutputFiles());
    }

    [Fact]
    public async Task A_succeeded_export_downloads_in_chunks_with_its_sha256_first_and_resumes_from_an_offset()
    {
        // A test pattern compresses far less than a solid colour, so the file spans many chunks.
        await TestVideos.TestPatternAsync(Path.Combine(_server.MediaDirectory, "pattern.mp4"), 320, 180, 2);
        var created = (await _server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = VideoFromMedia("pattern.mp4", 320, 180, seconds: 2), Options = new ExportOptions { Fps = 10 },
        })).Export;
        var finished = (await _server.Exports.WatchToEndAsync(created.Id))[^1];
        var bytes = await File.ReadAllBytesAsync(Assert.Single(_server.OutputFiles()));

        var whole = await _server.Exports.DownloadAsync(created.Id, offset: 0);
        var rest = await _server.Exports.DownloadAsync(created.Id, offset: bytes.Length / 2);
        var past = await Assert.ThrowsAsync<RpcException>(() => _server.Exports.DownloadAsync(created.Id, offset: bytes.Length + 1));

        Assert.True(bytes.Length > 16 * 1024, $"the file has {bytes.Length} bytes; the test needs more than one chunk");
        Assert.Equal((finished.Output.Sha256, (long)bytes.Length, 0L), (whole.Info.Sha256, whole.Info.SizeBytes, whole.Info.Offset));
        Assert.Equal(bytes, whole.Bytes);
        Assert.True(whole.Chunks > 1);
        Assert.Equal((long)bytes.Length / 2, rest.Info.Offset);
        Assert.Equal(bytes[(bytes.Length / 2)..], rest.Bytes);
        Assert.Equal((StatusCode.OutOfRange, "DOWNLOAD_OFFSET_OUT_OF_RANGE"), (past.StatusCode, past.Reason));
    }
}
