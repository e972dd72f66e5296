using GrpcExports.Rendering.Encoder;
using GrpcExports.Rendering.Export;
using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>Real exports checked with ffprobe: codecs, frame rate, duration, size, audio, letterbox and watermark.</summary>
public sealed class ExportFormatTests : IDisposable
{
    private readonly ExportFixture _export = new();

    public void Dispose() => _export.Dispose();

    /// <summary>320x180, white, a red box over the left half, for <paramref name="seconds"/>.</summary>
    private static string RedLeftHalf(double seconds) => new EditorStateDocument(320, 180)
        .Track("track-1", "box")
        .Solid("box", "#ff0000", 0, Seconds(seconds), left: 0, top: 0, width: 160, height: 180)
        .BackgroundColor("#ffffff")
        .ToJson();

    [Fact]
    public async Task Mp4_is_h264_yuv420p_with_aac_lasting_its_frames()
    {
        var options = new ExportOptions { Quality = ExportQuality.Draft };

        var result = await _export.ExportAsync(RedLeftHalf(1.5), options, "out.mp4", new ToneAudioTrack(audible: true));

        var probe = await ProbedExport.ReadAsync(result.OutputPath);
        Assert.Equal(("h264", "yuv420p", "aac"), (probe.VideoCodec, probe.PixelFormat, probe.AudioCodec));
        Assert.Equal(30, probe.FrameRate, 3);
        Assert.Equal(45, result.FrameCount);
        Assert.InRange(probe.DurationSeconds, 1.5 - 1 / 30.0, 1.5 + 1 / 30.0);
        Assert.True(result.HasAudio);
        Assert.Equal([result.OutputPath], _export.LeftoverFiles());
    }

    [Fact]
    public async Task Webm_is_vp9_with_opus_at_the_requested_rate()
    {
        var options = new ExportOptions { Format = OutputFormat.Webm, FramesPerSecond = 24, Quality = ExportQuality.Draft };

        var result = await _export.ExportAsync(RedLeftHalf(1), options, "out.webm", new ToneAudioTrack(audible: true));

        var probe = await ProbedExport.ReadAsync(result.OutputPath);
        Assert.Equal(("vp9", "yuv420p", "opus"), (probe.VideoCodec, probe.PixelFormat, probe.AudioCodec));
        Assert.Equal(24, probe.FrameRate, 3);
        Assert.InRange(probe.DurationSeconds, 1 - 1 / 24.0, 1 + 1 / 24.0);
    }

    [Fact]
    public async Task There_is_no_audio_stream_when_nothing_is_audible()
    {
        var result = await _export.ExportAsync(RedLeftHalf(0.5), new ExportOptions { Quality = ExportQuality.Draft }, "silent.mp4",
            new ToneAudioTrack(audible: false));

        Assert.False(result.HasAudio);
        Assert.Null((await ProbedExport.ReadAsync(result.OutputPath)).AudioCodec);
    }

    [Theory]
    [InlineData("16:9", 320, 180)]
    [InlineData("9:16", 320, 570)]
    [InlineData("1:1", 320, 320)]
    [InlineData("4:3", 320, 240)]
    [InlineData("3:4", 320, 428)]
    [InlineData("7:5", 320, 230)]
    public async Task Every_ratio_gives_its_size(string ratio, int width, int height)
    {
        var options = new ExportOptions { Ratio = AspectRatio.Parse(ratio), Quality = ExportQuality.Draft };

        var result = await _export.ExportAsync(RedLeftHalf(0.2), options, "ratio.mp4");

        var probe = await ProbedExport.ReadAsync(result.OutputPath);
        Assert.Equal((width, height), (probe.Width, probe.Height));
    }

    [Theory]
    [InlineData(ResolutionPreset.P2160, 3840, 2160)]
    [InlineData(ResolutionPreset.P1080, 1920, 1080)]
    [InlineData(ResolutionPreset.P720, 1280, 720)]
    [InlineData(ResolutionPreset.P480, 854, 480)]
    public async Task Every_resolution_preset_gives_its_size(ResolutionPreset preset, int width, int height)
    {
        var options = new ExportOptions { Resolution = preset, Quality = ExportQuality.Draft };

        var result = await _export.ExportAsync(RedLeftHalf(0.1), options, "preset.mp4");

        var probe = await ProbedExport.ReadAsync(result.OutputPath);
        Assert.Equal((width, height), (probe.Width, probe.Height));
    }

    [Fact]
    public async Task A_square_export_letterboxes_the_composition_and_draws_the_watermark_on_top()
    {
        await TestImages.QuadrantsPngAsync(_export.MediaFile("logo.png"));
        var options = new ExportOptions
        {
            Ratio = AspectRatio.Square,
            LetterboxColor = new Color(0, 255, 0),
            Quality = ExportQuality.High,
            Watermark = new Watermark(_export.MediaFile("logo.png"), PositionX: 0.75, PositionY: 0.5, Scale: 0.4),
        };

        var result = await _export.ExportAsync(RedLeftHalf(0.2), options, "square.mp4");

        // 320x320: the composition at rows 70..249, green bars above and below; the 40x40 watermark centred on
        // (240, 160) shows its red quadrant top-left and its yellow quadrant bottom-right.
        var probe = await ProbedExport.ReadAsync(result.OutputPath);
        PixelAssert.Near(new Color(0, 255, 0), await probe.ColorAtAsync(3, 160, 30), tolerance: 12, "top bar");
        PixelAssert.Near(new Color(0, 255, 0), await probe.ColorAtAsync(3, 160, 290), tolerance: 12, "bottom bar");
        PixelAssert.Near(new Color(255, 0, 0), await probe.ColorAtAsync(3, 80, 100), tolerance: 12, "red box");
        PixelAssert.Near(Color.White, await probe.ColorAtAsync(3, 300, 230), tolerance: 12, "white background");
        PixelAssert.Near(new Color(255, 0, 0), await probe.ColorAtAsync(3, 228, 148), tolerance: 16, "watermark's red quadrant");
        PixelAssert.Near(new Color(255, 255, 0), await probe.ColorAtAsync(3, 252, 172), tolerance: 16, "watermark's yellow quadrant");
    }

    [Fact]
    public async Task Progress_goes_through_every_stage_and_ends_on_the_last_frame()
    {
        var progress = new RecordingProgress();

        await _export.ExportAsync(RedLeftHalf(1), new ExportOptions { Quality = ExportQuality.Draft }, "progress.mp4", progress: progress);

        var reports = progress.Reports;
        Assert.Equal(RenderStage.PreparingAssets, reports[0].Stage);
        Assert.Equal(
            [RenderStage.PreparingAssets, RenderStage.Rendering, RenderStage.Encoding, RenderStage.Finalising],
            reports.Select(r => r.Stage).Distinct());
        Assert.All(reports, r => Assert.Equal(30, r.TotalFrames));
        Assert.Equal(30, reports[^1].FramesDone);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.FramesDone <= p.Second.FramesDone), "frames done never go back");
        Assert.Contains(reports, r => r.Stage == RenderStage.Rendering && r.FramesDone == 30 && r.FramesPerSecond > 0);
    }

    [Fact]
    public async Task Invalid_options_are_refused_before_anything_is_written()
    {
        var error = await Assert.ThrowsAsync<ExportOptionsException>(() =>
            _export.ExportAsync(RedLeftHalf(1), new ExportOptions { FramesPerSecond = 500 }, "never.mp4"));

        Assert.Equal("fps", error.Option);
        Assert.Empty(_export.LeftoverFiles());
    }

    [Fact]
    public async Task A_failing_encoder_reports_what_ffmpeg_said_and_leaves_no_file()
    {
        var error = await Assert.ThrowsAsync<EncoderFailedException>(() =>
            _export.ExportAsync(RedLeftHalf(1), new ExportOptions { Quality = ExportQuality.Draft }, "broken.mp4", new GarbageAudioTrack()));

        Assert.Contains("audio.wav", error.Message);
        Assert.Empty(_export.LeftoverFiles());
    }

    /// <summary>Claims a mix but writes bytes no demuxer reads, so ffmpeg fails on its audio input.</summary>
    private sealed class GarbageAudioTrack : IAudioTrackSource
    {
        public async Task<bool> WriteMixAsync(EditorTimeline timeline, GrpcExports.Rendering.Assets.IAssetResolver assets, FrameRate fps,
            long frameCount, string wavPath, CancellationToken cancellationToken)
        {
            await File.WriteAllBytesAsync(wavPath, new byte[64], cancellationToken);
            return true;
        }
    }
}
