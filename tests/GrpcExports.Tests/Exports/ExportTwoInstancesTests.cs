using GrpcExports.Protocol.V1;
using Npgsql;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>
/// Two server instances on one database and one shared output directory (a requirement: the instance answering a
/// download reads the file another may have rendered): exports submitted to either are each rendered exactly once,
/// and a watcher on one instance follows the progress of a job the other renders.
/// </summary>
public sealed class ExportTwoInstancesTests
{
    private const int Exports = 6;

    [Fact]
    public async Task Six_exports_submitted_across_two_instances_each_complete_exactly_once_and_download_from_both()
    {
        await using var first = await ExportServer.StartAsync($"--Exports:MaxActivePerUser={Exports}");
        await using var second = await ExportServer.StartOnAsync(first.ConnectionString, $"--Exports:MaxActivePerUser={Exports}",
            $"--Exports:OutputDirectory={first.OutputDirectory}", $"--Exports:MediaDirectory={first.MediaDirectory}");
        var instances = new[] { first, second };

        var created = await Task.WhenAll(Enumerable.Range(0, Exports).Select(async index =>
            (await instances[index % 2].Exports.CreateExportAsync(new CreateExportRequest
            {
                EditorState = SolidColour($"#0000{index * 40:x2}", 1), Name = $"export {index}", Options = new ExportOptions { Fps = 10 },
            })).Export));
        var finished = await Task.WhenAll(created.Select(async (export, index) =>
            (await instances[(index + 1) % 2].Exports.WatchToEndAsync(export.Id))[^1]));

        Assert.All(finished, export => Assert.Equal((ExportStatus.Succeeded, 1), (export.Status, export.Attempt)));
        Assert.Equal(created.Select(e => e.Id + ".mp4").Order(), first.OutputFiles().Select(Path.GetFileName).Order());
        await using (var connection = new NpgsqlConnection(first.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM export_jobs WHERE status = 'succeeded' AND attempts = 1", connection);
            Assert.Equal((long)Exports, (long)(await command.ExecuteScalarAsync())!);
        }
        foreach (var export in finished)
        {
            foreach (var instance in instances)
            {
                var read = (await instance.Exports.GetExportAsync(new GetExportRequest { ExportId = export.Id })).Export;
                using var http = new HttpClient();
                var bytes = await http.GetByteArrayAsync(read.Output.DownloadUrl);
                Assert.Equal(export.Output.SizeBytes, bytes.Length);
            }
        }
    }

    [Fact]
    public async Task A_watcher_on_an_instance_that_renders_nothing_sees_the_progress_of_the_job_the_other_renders()
    {
        await using var front = await ExportServer.StartAsync("--Exports:Workers=0");
        await using var worker = await ExportServer.StartOnAsync(front.ConnectionString, "--Exports:PollInterval=00:00:00.2",
            $"--Exports:OutputDirectory={front.OutputDirectory}", $"--Exports:MediaDirectory={front.MediaDirectory}");
        await Rendering.Export.TestVideos.TestPatternAsync(Path.Combine(front.MediaDirectory, "pattern.mp4"), 640, 360, 4);

        var created = (await front.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = VideoFromMedia("pattern.mp4", 640, 360, seconds: 4), Options = new ExportOptions { Fps = 30 },
        })).Export;
        var watched = await front.Exports.WatchToEndAsync(created.Id);

        Assert.Equal(ExportStatus.Succeeded, watched[^1].Status);
        var progress = watched.Where(e => e.Status == ExportStatus.Rendering && e.Progress.Stage == ExportStage.Rendering).ToList();
        Assert.Contains(progress, e => e.Progress.FramesDone > 0 && e.Progress.FramesDone < e.Progress.FramesTotal);
        Assert.Equal(progress.Select(e => e.Progress.FramesDone).Order(), progress.Select(e => e.Progress.FramesDone));
    }
}
