using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Audio;
using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.Audio.SoundTimeline;

namespace GrpcExports.Tests.Rendering.Audio;

/// <summary>The mix plan from a timeline and probe results, without running ffmpeg.</summary>
public sealed class AudioMixPlannerTests
{
    private static readonly FrameRate Fps30 = FrameRate.FromFramesPerSecond(30);

    private static readonly Dictionary<string, SourceAudio> Probed = new()
    {
        ["tone"] = new SourceAudio("/media/tone.wav", HasAudio: true, DurationSeconds: 5, Channels: 1),
        ["silent-video"] = new SourceAudio("/media/silent.mp4", HasAudio: false, DurationSeconds: null),
        ["toned-video"] = new SourceAudio("/media/toned.mp4", HasAudio: true, DurationSeconds: 2),
    };

    [Fact]
    public void Sound_items_are_placed_on_the_exports_sample_timeline()
    {
        var timeline = new SoundTimeline().Asset("tone", "audio", "tone.wav").Asset("toned-video", "video", "toned.mp4")
            .Track("t", AudioClip("a", "tone", start: 0.5, duration: 1, inPoint: 0.25, rate: 1.5, fadeIn: 0.1, fadeOut: 0.2),
                VideoClip("v", "toned-video", start: 2, duration: 0.5))
            .Build();

        var plan = AudioMixPlanner.Plan(timeline, Fps30, frameCount: 90, Probed);

        Assert.Equal(144_000, plan.TotalSamples);
        Assert.Equal(
            [
                new MixSource("a", "/media/tone.wav", IsMono: true, 0.25, 1.5, StartSample: 24_000, ItemSamples: 48_000, HeardSamples: 48_000,
                    VolumeEnvelope.Constant(0), 0.1, 0.2),
                new MixSource("v", "/media/toned.mp4", IsMono: false, 0, 1, StartSample: 96_000, ItemSamples: 24_000, HeardSamples: 24_000,
                    VolumeEnvelope.Constant(0), 0, 0),
            ],
            plan.Sources.Select(s => s with { Volume = VolumeEnvelope.Constant(s.Volume.StartDecibels) }));
        Assert.Empty(plan.Unheard);
    }

    [Fact]
    public void Items_nobody_can_hear_are_left_out_with_the_reason()
    {
        var timeline = new SoundTimeline().Asset("tone", "audio", "tone.wav").Asset("silent-video", "video", "silent.mp4")
            .Track("muted", hidden: false, muted: true, AudioClip("on-muted-track", "tone", 0, 1))
            .Track("hidden", hidden: true, muted: false, AudioClip("on-hidden-track", "tone", 0, 1))
            .Track("t", VideoClip("no-audio-stream", "silent-video", 0, 1), AudioClip("in-point-past-end", "tone", 1, 1, inPoint: 5),
                AudioClip("one-tick", "tone", 2, 1.0 / TicksPerSecond), AudioClip("after-the-end", "tone", 3, 1))
            .Build();

        var plan = AudioMixPlanner.Plan(timeline, Fps30, frameCount: 90, Probed);

        Assert.Equal(["on-hidden-track"], plan.Sources.Select(s => s.ItemId));
        Assert.Equal(
            [
                new UnheardItem("on-muted-track", UnheardReason.MutedTrack),
                new UnheardItem("no-audio-stream", UnheardReason.NoAudioStream),
                new UnheardItem("in-point-past-end", UnheardReason.InPointPastSourceEnd),
                new UnheardItem("one-tick", UnheardReason.ShorterThanOneSample),
                new UnheardItem("after-the-end", UnheardReason.AfterExportEnd),
            ],
            plan.Unheard);
    }

    [Fact]
    public void An_item_running_past_the_export_is_cut_where_the_export_ends()
    {
        var timeline = new SoundTimeline().Asset("tone", "audio", "tone.wav").Track("t", AudioClip("a", "tone", 2.5, 2)).Build();

        var source = Assert.Single(AudioMixPlanner.Plan(timeline, Fps30, frameCount: 90, Probed).Sources);

        Assert.Equal((120_000, 96_000, 24_000), (source.StartSample, source.ItemSamples, source.HeardSamples));
    }

    [Fact]
    public void Only_assets_of_sound_items_on_unmuted_tracks_are_probed_and_an_undeclared_one_is_named()
    {
        var timeline = new SoundTimeline().Asset("tone", "audio", "tone.wav").Asset("toned-video", "video", "toned.mp4")
            .Track("muted", hidden: false, muted: true, VideoClip("v", "toned-video", 0, 1))
            .Track("t", AudioClip("a", "tone", 0, 1), AudioClip("b", "tone", 1, 1))
            .Build();
        var undeclared = new SoundTimeline().Track("t", AudioClip("a", "nowhere", 0, 1)).Build();

        Assert.Equal(["tone"], AudioMixPlanner.AssetsToProbe(timeline).Select(a => a.Id));
        Assert.Equal("nowhere", Assert.Throws<AssetUnavailableException>(() => AudioMixPlanner.AssetsToProbe(undeclared)).AssetId);
    }

    [Fact]
    public void Export_lengths_are_whole_samples_of_the_frame_count()
    {
        Assert.Equal(48_000 * 600, MixFormat.SamplesForFrames(36_000, FrameRate.FromFramesPerSecond(60)));
        Assert.Equal(1602, MixFormat.SamplesForFrames(1, new FrameRate(30000, 1001))); // 1601.6 rounds up
        Assert.Equal(160_160, MixFormat.SamplesForFrames(100, new FrameRate(30000, 1001)));
        Assert.Equal(24_000, MixFormat.SampleAtTick(120_000, 240_000));
    }

    [Theory]
    [InlineData(1, new double[0])]
    [InlineData(1.5, new[] { 1.5 })]
    [InlineData(2, new[] { 2.0 })]
    [InlineData(5, new[] { 2.0, 2.0, 1.25 })]
    [InlineData(0.25, new[] { 0.5, 0.5 })]
    [InlineData(0.01, new[] { 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.64 })]
    public void Playback_rates_become_atempo_stages_within_half_to_double(double rate, double[] expected)
    {
        var factors = AtempoChain.Factors(rate);

        Assert.Equal(expected.Length, factors.Count);
        Assert.All(factors.Zip(expected), pair => Assert.Equal(pair.Second, pair.First, 1e-12));
        Assert.Equal(rate, factors.Aggregate(1.0, (product, factor) => product * factor), 1e-12);
    }

    [Fact]
    public void Keyframed_decibels_become_pieces_and_an_expression_ffmpeg_evaluates_per_frame()
    {
        var decibels = new AnimatedNumber(0, [new Keyframe(Ticks(1), -20), new Keyframe(Ticks(2), 0), new Keyframe(Ticks(3), -6, Easing.Hold),
            new Keyframe(Ticks(4), 0)]);

        var envelope = VolumeEnvelope.From(decibels, TicksPerSecond);

        Assert.Equal(-20, envelope.StartDecibels);
        Assert.Equal(
            [new VolumePiece(1, 2, -20, 0), new VolumePiece(2, 3, 0, -6), new VolumePiece(3, 4, -6, -6), new VolumePiece(4, 4, 0, 0)],
            envelope.Pieces);
        Assert.Equal("if(lt(t,1),-20,if(lt(t,2),-20+20*(t-1),if(lt(t,3),0+-6*(t-2),if(lt(t,4),-6,if(lt(t,4),0,0)))))",
            VolumeFilter.DecibelExpression(envelope));
        Assert.Equal("volume=volume=-6dB", VolumeFilter.For(VolumeEnvelope.Constant(-6)));
        Assert.Null(VolumeFilter.For(VolumeEnvelope.Constant(0)));
        Assert.Equal(VolumeEnvelope.PiecesPerEasedSegment,
            VolumeEnvelope.From(new AnimatedNumber(0, [new Keyframe(0, -10, Easing.EaseIn), new Keyframe(Ticks(1), 0)]), TicksPerSecond).Pieces.Count);
    }
}
