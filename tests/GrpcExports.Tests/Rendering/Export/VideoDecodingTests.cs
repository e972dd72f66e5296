using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Encoder;
using GrpcExports.Rendering.Export;
using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using GrpcExports.Rendering.Video;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>Video items decoded by ffmpeg, exported, and read back frame by frame.</summary>
public sealed class VideoDecodingTests : IDisposable
{
    private static readonly Color Red = new(255, 0, 0);
    private static readonly Color Blue = new(0, 0, 255);

    private readonly ExportFixture _export = new();

    public void Dispose() => _export.Dispose();

    [Fact]
    public async Task In_point_and_playback_rate_put_each_source_frame_on_the_right_output_frame()
    {
        await TestVideos.RedThenBlueAsync(_export.MediaFile("clip.mp4"));
        // From 1 s on the timeline, for 1.5 s: source from 0.5 s at double speed, so the source's cut to blue (1 s)
        // is at local 0.25 s, timeline 1.25 s, between frames 37 and 38; the source ends (2 s) at timeline 1.75 s.
        var json = new EditorStateDocument(320, 180)
            .Track("track-1", "video")
            .VideoAsset("clip", "clip.mp4", 160, 90, 2)
            .Video("video", "clip", Seconds(1), Seconds(1.5), left: 0, top: 0, width: 320, height: 180, inSeconds: 0.5, playbackRate: 2)
            .BackgroundColor("#ffffff")
            .ToJson();

        var result = await _export.ExportAsync(json, new ExportOptions { Quality = ExportQuality.High }, "video.mp4");

        var probe = await ProbedExport.ReadAsync(result.OutputPath);
        Assert.Equal(75, result.FrameCount);
        var expected = new (long Frame, Color Color)[]
        {
            (29, Color.White), (30, Red), (33, Red), (37, Red), (38, Blue), (45, Blue), (60, Blue), (74, Blue),
        };
        foreach (var (frame, color) in expected)
        {
            PixelAssert.Near(color, await probe.ColorAtAsync(frame, 160, 90), tolerance: 12, $"frame {frame}");
        }
    }

    [Fact]
    public async Task A_video_plays_at_its_own_pace_and_holds_its_last_frame_past_its_end()
    {
        await TestVideos.RedThenBlueAsync(_export.MediaFile("clip.mp4"));
        var json = new EditorStateDocument(320, 180)
            .Track("track-1", "video")
            .VideoAsset("clip", "clip.mp4", 160, 90, 2)
            .Video("video", "clip", 0, Seconds(3), left: 80, top: 45, width: 160, height: 90)
            .BackgroundColor("#000000")
            .ToJson();

        var result = await _export.ExportAsync(json, new ExportOptions { Quality = ExportQuality.High }, "video.mp4");

        var probe = await ProbedExport.ReadAsync(result.OutputPath);
        PixelAssert.Near(Red, await probe.ColorAtAsync(0, 160, 90), tolerance: 12, "frame 0");
        PixelAssert.Near(Red, await probe.ColorAtAsync(29, 160, 90), tolerance: 12, "frame 29");
        PixelAssert.Near(Blue, await probe.ColorAtAsync(30, 160, 90), tolerance: 12, "frame 30");
        PixelAssert.Near(Blue, await probe.ColorAtAsync(89, 160, 90), tolerance: 12, "frame 89, past the source's end");
        PixelAssert.Near(Color.Black, await probe.ColorAtAsync(45, 40, 20), tolerance: 12, "outside the box");
    }

    [Fact]
    public async Task A_frame_requested_past_the_source_end_holds_its_last_frame_in_stills_too()
    {
        await TestVideos.RedThenBlueAsync(_export.MediaFile("clip.mp4"));
        var json = new EditorStateDocument(160, 90)
            .Track("track-1", "late", "from-past-the-end")
            .VideoAsset("clip", "clip.mp4", 160, 90, 2)
            .Video("late", "clip", 0, Seconds(3), left: 0, top: 0, width: 160, height: 90)
            .Video("from-past-the-end", "clip", Seconds(3), Seconds(1), left: 0, top: 0, width: 160, height: 90, inSeconds: 5)
            .BackgroundColor("#000000")
            .ToJson();
        var timeline = EditorStateReader.Parse(json);
        using var videos = new VideoLayerSources(timeline, _export.Assets, MediaTools.Default, StillFrames.Fps30);
        var stills = new StillRenderer(sources: [videos]);

        // A still at 2.5 s starts a decoder past the 2 s source's end; a still of an item whose in-point is past it too.
        var pastTheEnd = stills.Render(timeline, StillFrames.Fps30, 75).Frame.ColorAt(80, 45);
        var inPointPastTheEnd = stills.Render(timeline, StillFrames.Fps30, 100).Frame.ColorAt(80, 45);
        var backInTime = stills.Render(timeline, StillFrames.Fps30, 10).Frame.ColorAt(80, 45);

        PixelAssert.Near(Blue, pastTheEnd, tolerance: 12, "frame 75 (2.5 s), past the end");
        PixelAssert.Near(Blue, inPointPastTheEnd, tolerance: 12, "frame 100, in-point 5 s of a 2 s source");
        PixelAssert.Near(Red, backInTime, tolerance: 12, "frame 10 after them: the source again");
    }

    [Fact]
    public async Task Keyframed_crop_trims_each_frame_by_its_own_crop()
    {
        await TestVideos.RedLeftBlueRightAsync(_export.MediaFile("halves.mp4"), seconds: 2);
        // cropLeft 0 -> 80 source pixels over the first second: at 0.5 s the box shows source x 40..160 stretched to
        // 160, so the red/blue edge (source x 80) is at box x 53.3; at 1 s only the blue half is left.
        var json = new EditorStateDocument(160, 90)
            .Track("track-1", "video")
            .VideoAsset("halves", "halves.mp4", 160, 90, 2)
            .Video("video", "halves", 0, Seconds(2), left: 0, top: 0, width: 160, height: 90,
                cropLeft: Animated(0, (0, 0), (Seconds(1), 80)))
            .BackgroundColor("#000000")
            .ToJson();
        var timeline = EditorStateReader.Parse(json);
        using var videos = new VideoLayerSources(timeline, _export.Assets, MediaTools.Default, StillFrames.Fps30);
        var stills = new StillRenderer(sources: [videos]);

        // In order, as an export asks for them, from one set of decoders.
        var start = stills.Render(timeline, StillFrames.Fps30, 0).Frame;
        var middle = stills.Render(timeline, StillFrames.Fps30, 15).Frame;
        var end = stills.Render(timeline, StillFrames.Fps30, 30).Frame;

        PixelAssert.Near(Red, start.ColorAt(70, 45), tolerance: 12, "frame 0, x 70 (source x 70)");
        PixelAssert.Near(Blue, start.ColorAt(90, 45), tolerance: 12, "frame 0, x 90 (source x 90)");
        PixelAssert.Near(Red, middle.ColorAt(45, 45), tolerance: 12, "frame 15, x 45 (source x 74)");
        PixelAssert.Near(Blue, middle.ColorAt(62, 45), tolerance: 12, "frame 15, x 62 (source x 86.5)");
        PixelAssert.Near(Blue, end.ColorAt(5, 45), tolerance: 12, "frame 30, x 5 (source x 84)");
        Assert.Equal(1, videos.StartedDecoders); // one decoder of whole frames, cropped by the compositor
    }

    [Fact]
    public async Task An_undecodable_video_fails_the_export_naming_its_asset_and_leaves_no_file()
    {
        await File.WriteAllTextAsync(_export.MediaFile("broken.mp4"), "this is not a video");
        var json = new EditorStateDocument(320, 180)
            .Track("track-1", "video")
            .VideoAsset("broken-clip", "broken.mp4", 160, 90, 2)
            .Video("video", "broken-clip", 0, Seconds(1), left: 0, top: 0, width: 320, height: 180)
            .ToJson();

        // With no sound to mix, the decoder is the first to open the file; by default the audio mix probes it first.
        var decoding = await Assert.ThrowsAsync<VideoDecodeException>(() =>
            _export.ExportAsync(json, new ExportOptions { Quality = ExportQuality.Draft }, "never.mp4", new ToneAudioTrack(audible: false)));
        var probing = await Assert.ThrowsAsync<AssetUnavailableException>(() =>
            _export.ExportAsync(json, new ExportOptions { Quality = ExportQuality.Draft }, "never.mp4"));

        Assert.Equal(("broken-clip", "broken-clip"), (decoding.AssetId, probing.AssetId));
        Assert.Contains("Invalid data", decoding.Message);
        Assert.Contains("Invalid data", probing.Message);
        Assert.Empty(_export.LeftoverFiles());
    }
}
