using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Exports;
using GrpcExports.Tests.Support;
using Xunit.Abstractions;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Reliability;

/// <summary>
/// The output directory's file system fills up while an export renders into it: the export fails with
/// OUTPUT_DISK_FULL and removes its partial file and scratch folder, so the space it took is free again; the server
/// goes on answering, and once space is freed the next export succeeds.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    private const int DiskMegabytes = 16;

    [SizeLimitedDirectoryFact]
    public async Task An_export_that_runs_out_of_space_fails_with_output_disk_full_and_frees_what_it_wrote()
    {
        var random = FaultRun.SeededRandom(output);
        using var disk = SizeLimitedDirectory.Create(DiskMegabytes);
        output.WriteLine($"output on a {DiskMegabytes} MB {disk.Kind} at {disk.Path}");
        await using var server = await FaultServer.StartAsync(outputDirectory: disk.Path);
        var project = await server.Projects.CreateProjectAsync(new CreateProjectRequest());

        // Long enough (600 frames at 720p) that the disk fills while it renders.
        var filled = (await server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#aa3300", seconds: 20, width: 1280, height: 720), Options = new ExportOptions { Fps = 30 },
        })).Export;
        var fillAt = random.Next(1, 200);
        var rendering = await server.Exports.WatchUntilAsync(filled.Id, e => e.Progress.FramesDone >= fillAt || e.Status != ExportStatus.Rendering && e.Status != ExportStatus.Queued);
        Assert.Equal(ExportStatus.Rendering, rendering.Status);
        var filler = Path.Combine(disk.Path, "filler");
        Fill(filler);
        output.WriteLine($"filled the disk at frame {rendering.Progress.FramesDone}");

        var failed = (await server.Exports.WatchToEndAsync(filled.Id))[^1];
        Assert.True(failed.Status == ExportStatus.Failed && failed.Error.Reason == ErrorReason.OutputDiskFull, failed.ToString());
        Assert.Contains("space", failed.Error.Message, StringComparison.OrdinalIgnoreCase);
        await Poll.UntilAsync(() => server.Leftovers().Count == 0 && server.Ffmpegs().Count == 0, ExportStreams.HangGuard);
        Assert.Equal([filler], Directory.GetFiles(disk.Path, "*", SearchOption.AllDirectories));
        // The server still answers while the disk is full.
        Assert.Equal(project.Project.Id, (await server.Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Project.Id })).Project.Id);

        var full = disk.FreeBytes;
        File.Delete(filler);
        output.WriteLine($"free: {full} B while full, {disk.FreeBytes} B after the filler was removed");
        // Nothing the failed export wrote still takes space (directories may hold a few blocks on ext4).
        Assert.True(DiskMegabytes * 1024L * 1024 - disk.FreeBytes <= 1024 * 1024, $"{disk.FreeBytes} B free of {DiskMegabytes} MB");
        var next = (await server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#0033aa", seconds: 2), Options = new ExportOptions { Fps = 10 },
        })).Export;
        var succeeded = (await server.Exports.WatchToEndAsync(next.Id))[^1];
        Assert.Equal(ExportStatus.Succeeded, succeeded.Status);
        Assert.True(File.Exists(Path.Combine(disk.Path, next.Id + ".mp4")));
    }

    /// <summary>Writes a file until the file system refuses more (ENOSPC).</summary>
    private static void Fill(string path)
    {
        var block = new byte[64 * 1024];
        Random.Shared.NextBytes(block);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1);
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            Assert.Equal(0, new DriveInfo(Path.GetDirectoryName(path)!).AvailableFreeSpace);
        }
    }
}
