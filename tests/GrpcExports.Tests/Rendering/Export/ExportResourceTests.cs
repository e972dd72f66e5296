using System.Diagnostics;
using GrpcExports.Rendering.Encoder;
using GrpcExports.Rendering.Export;
using Xunit.Abstractions;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>Measures this process's children and memory, so nothing else may render at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExportResourceCollection
{
    public const string Name = "export resources";
}

/// <summary>Cancellation leaves nothing behind; a long 1080p export stays within a memory bound.</summary>
[Collection(ExportResourceCollection.Name)]
public sealed class ExportResourceTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The bound for the 60-second 1080p export's peak resident memory (the whole test process included).</summary>
    private const long PeakMemoryBoundBytes = 600L * 1024 * 1024;

    private readonly ExportFixture _export = new();

    public void Dispose() => _export.Dispose();

    [Fact]
    public async Task Cancelling_mid_render_kills_every_ffmpeg_and_deletes_every_file()
    {
        await TestVideos.TestPatternAsync(_export.MediaFile("pattern.mp4"), 320, 180, 10);
        var json = new EditorStateDocument(1280, 720)
            .Track("track-1", "video")
            .VideoAsset("pattern", "pattern.mp4", 320, 180, 10)
            .Video("video", "pattern", 0, Seconds(10), left: 0, top: 0, width: 1280, height: 720)
            .ToJson();
        using var cancel = new CancellationTokenSource();
        var cancelledAt = new Stopwatch();
        var progress = new RecordingProgress(report =>
        {
            if (report.FramesDone >= 10 && !cancel.IsCancellationRequested)
            {
                cancelledAt.Start();
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _export.ExportAsync(json,
            new ExportOptions { Quality = ExportQuality.Standard }, "cancelled.mp4", new ToneAudioTrack(audible: true), progress, cancel.Token));

        output.WriteLine($"cancelled after {progress.Reports[^1].FramesDone} of 300 frames; returned {cancelledAt.ElapsedMilliseconds} ms after the cancel");
        Assert.True(cancel.IsCancellationRequested, "the render should still have been running when it was cancelled");
        Assert.Empty(ChildProcesses.Named("ffmpeg"));
        Assert.Empty(_export.LeftoverFiles());
    }

    [Fact]
    public async Task A_minute_of_1080p_with_two_videos_two_images_and_text_stays_within_the_memory_bound()
    {
        await TestVideos.TestPatternAsync(_export.MediaFile("a.mp4"), 640, 360, 60);
        await TestVideos.TestPatternAsync(_export.MediaFile("b.mp4"), 640, 360, 60);
        await TestImages.QuadrantsPngAsync(_export.MediaFile("quadrants.png"));
        await TestImages.RedBluePngAsync(_export.MediaFile("halves.png"));
        var minute = Seconds(60);
        var json = new EditorStateDocument(1920, 1080)
            .Track("title", "text")
            .Track("stills", "image-a")
            .Track("stills-2", "image-b")
            .Track("video-top", "video-b")
            .Track("video-bottom", "video-a")
            .Text("text", "One minute of 1080p", 0, minute, left: 100, top: 900, width: 1700, height: 120, color: "#ffffff", fontSize: 72)
            .ImageAsset("quadrants", "quadrants.png", 100, 100)
            .ImageAsset("halves", "halves.png", 40, 20)
            .Image("image-a", "quadrants", 0, minute, left: 1500, top: 100, width: 300, height: 300)
            .Image("image-b", "halves", 0, minute, left: 100, top: 100, width: 400, height: 200)
            .VideoAsset("a", "a.mp4", 640, 360, 60)
            .VideoAsset("b", "b.mp4", 640, 360, 60)
            .Video("video-a", "a", 0, minute, left: 0, top: 0, width: 1920, height: 1080)
            .Video("video-b", "b", 0, minute, left: 960, top: 540, width: 960, height: 540, inSeconds: 1)
            .BackgroundColor("#202020")
            .ToJson();
        ResetPeakResidentMemory();
        var watch = Stopwatch.StartNew();

        var result = await _export.ExportAsync(json, new ExportOptions { Quality = ExportQuality.Draft }, "minute.mp4");

        var peak = PeakResidentMemoryBytes();
        output.WriteLine($"1800 frames of 1920x1080 in {watch.Elapsed.TotalSeconds:0.0} s ({1800 / watch.Elapsed.TotalSeconds:0.0} fps); " +
            $"peak RSS of the test process {peak / (1024 * 1024)} MB (bound {PeakMemoryBoundBytes / (1024 * 1024)} MB)");
        Assert.Equal(1800, result.FrameCount);
        Assert.Empty(result.Skipped);
        var probe = await ProbedExport.ReadAsync(result.OutputPath);
        Assert.Equal((1920, 1080), (probe.Width, probe.Height));
        Assert.InRange(probe.DurationSeconds, 60 - 1 / 30.0, 60 + 1 / 30.0);
        Assert.InRange(peak, 1, PeakMemoryBoundBytes);
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0 and later).</summary>
    private static void ResetPeakResidentMemory()
    {
        // Aggressive hands the memory other tests in this process left behind back to the system, so the peak is the export's.
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        File.WriteAllText("/proc/self/clear_refs", "5");
    }

    private static long PeakResidentMemoryBytes()
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
    }
}
