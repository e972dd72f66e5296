using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Audio;
using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.Audio.AudioSourcesFixture;
using static GrpcExports.Tests.Rendering.Audio.SoundTimeline;

namespace GrpcExports.Tests.Rendering.Audio;

/// <summary>Mixes with the real ffmpeg and reads the WAV's samples back: timing, levels, shapes, what is heard.</summary>
public sealed class AudioMixerTests(AudioSourcesFixture media) : IClassFixture<AudioSourcesFixture>
{
    private static readonly FrameRate Fps30 = FrameRate.FromFramesPerSecond(30);

    /// <summary>The RMS of a full-level generated tone: a sine's amplitude over the square root of two.</summary>
    private static readonly double ToneRms = SourceMedia.ToneAmplitude / Math.Sqrt(2);

    /// <summary>Below this RMS a window is silence (about -80 dBFS).</summary>
    private const double SilenceRms = 1e-4;

    // A margin either side of an edge, so that windows measure what is inside a span and not its boundary.
    private const double Edge = 0.02;

    [Fact]
    public async Task The_mix_lasts_exactly_the_exports_frames()
    {
        var timeline = new SoundTimeline().Asset("a", "audio", Tone).Track("t", AudioClip("clip", "a", 0, 1)).Build();
        var ntsc = new FrameRate(30000, 1001);

        var at30 = await MixAsync(timeline, Fps30, frameCount: 75);
        var atNtsc = await MixAsync(timeline, ntsc, frameCount: 100);

        Assert.Equal(120_000, at30.Wav.Length); // 75 / 30 s
        Assert.Equal(160_160, atNtsc.Wav.Length); // 100 * 1001 / 30000 s
        Assert.Equal(120_000, at30.Result.SampleCount);
        Assert.Equal(TimeSpan.FromSeconds(2.5), at30.Result.Duration);
        Assert.Equal((48_000, 2), (at30.Wav.SampleRate, at30.Wav.Channels));
        Assert.Equal(["clip"], at30.Result.MixedItemIds);
    }

    [Fact]
    public async Task An_item_is_heard_from_its_start_to_its_end_and_silence_surrounds_it()
    {
        var timeline = new SoundTimeline().Asset("a", "audio", Tone).Track("t", AudioClip("clip", "a", start: 0.5, duration: 1)).Build();

        var (wav, _) = await MixAsync(timeline, Fps30, frameCount: 75);

        Assert.True(wav.Rms(0, 0.5 - Edge) < SilenceRms, "silence before the start");
        Assert.Equal(ToneRms, wav.Rms(0.5 + Edge, 1.5 - Edge), 0.005);
        Assert.Equal(ToneRms, wav.Rms(0.5 + Edge, 1.5 - Edge, channel: 1), 0.005); // mono reaches both channels
        Assert.True(wav.Rms(1.5 + Edge, 2.5) < SilenceRms, "silence after the end");
        // The start lands on its exact sample: 0.5 s is sample 24,000.
        Assert.Equal(0, wav.Sample(23_999));
        Assert.True(wav.Peak(0.5, 0.5 + 0.001) > 0.05, "the tone starts within a millisecond of the item's start");
    }

    [Fact]
    public async Task At_a_transition_the_outgoing_clip_plays_on_past_the_cut_fading_out_over_the_window()
    {
        // A 1 s transition on the cut at 1.5 s: the outgoing clip's sound fades out linearly over [1, 2].
        var timeline = new SoundTimeline().Asset("toned", "video", VideoWithTone).Asset("silent", "video", SilentVideo)
            .Track("t", VideoClip("out", "toned", 0, 1.5), VideoClip("in", "silent", 1.5, 1.5))
            .Transition("t", "out", "in", seconds: 1)
            .Build();

        var (wav, _) = await MixAsync(timeline, Fps30, frameCount: 90);

        Assert.Equal(ToneRms, wav.Rms(0.5, 1 - Edge), 0.01);
        Assert.Equal(ToneRms * 0.75, wav.Rms(1.225, 1.275), 0.01);
        Assert.Equal(ToneRms * 0.5, wav.Rms(1.475, 1.525), 0.01);
        Assert.Equal(ToneRms * 0.25, wav.Rms(1.725, 1.775), 0.01);
        Assert.True(wav.Rms(2 + Edge, 3) < SilenceRms, "silence once the window is over");
    }

    [Fact]
    public async Task At_a_transition_the_incoming_clip_starts_early_fading_in_over_the_window()
    {
        // The incoming clip's in-point 0.5 s lets it start its source half a second early, at 1 s; with in-point 0 there
        // is nothing before the source's start, so the first half of its window is silence.
        var timeline = new SoundTimeline().Asset("toned", "video", VideoWithTone).Asset("silent", "video", SilentVideo)
            .Track("t", VideoClip("out", "silent", 0, 1.5), VideoClip("in", "toned", 1.5, 1.5, inPoint: 0.5))
            .Transition("t", "out", "in", seconds: 1)
            .Build();
        var fromSourceStart = new SoundTimeline().Asset("toned", "video", VideoWithTone).Asset("silent", "video", SilentVideo)
            .Track("t", VideoClip("out", "silent", 0, 1.5), VideoClip("in", "toned", 1.5, 1.5))
            .Transition("t", "out", "in", seconds: 1)
            .Build();

        var (wav, _) = await MixAsync(timeline, Fps30, frameCount: 90);
        var (fromStart, _) = await MixAsync(fromSourceStart, Fps30, frameCount: 90);

        Assert.True(wav.Rms(0, 1 - Edge) < SilenceRms, "silence before the window");
        Assert.Equal(ToneRms * 0.25, wav.Rms(1.225, 1.275), 0.01);
        Assert.Equal(ToneRms * 0.5, wav.Rms(1.475, 1.525), 0.01);
        Assert.Equal(ToneRms * 0.75, wav.Rms(1.725, 1.775), 0.01);
        Assert.Equal(ToneRms, wav.Rms(2 + Edge, 2.45), 0.01);
        Assert.True(fromStart.Rms(0, 1.5 - Edge) < SilenceRms, "no sound before the source's start");
        Assert.Equal(ToneRms * 0.75, fromStart.Rms(1.725, 1.775), 0.01);
        Assert.Equal(ToneRms, fromStart.Rms(2 + Edge, 2.45), 0.01);
    }

    [Theory]
    [InlineData(Easing.EaseIn)]
    [InlineData(Easing.EaseOut)]
    [InlineData(Easing.EaseInOut)]
    public async Task At_an_eased_transition_both_sounds_follow_the_easing_curve(Easing easing)
    {
        // A 1 s transition on the cut at 1.5 s, window [1, 2]: the outgoing tone is heard at 1 - p, the incoming one
        // (in-point 0.5 s, so it has sound from the window's start) at p, p being the eased progress.
        var outgoing = new SoundTimeline().Asset("toned", "video", VideoWithTone).Asset("silent", "video", SilentVideo)
            .Track("t", VideoClip("out", "toned", 0, 1.5), VideoClip("in", "silent", 1.5, 1.5))
            .Transition("t", "out", "in", seconds: 1, easing)
            .Build();
        var incoming = new SoundTimeline().Asset("toned", "video", VideoWithTone).Asset("silent", "video", SilentVideo)
            .Track("t", VideoClip("out", "silent", 0, 1.5), VideoClip("in", "toned", 1.5, 1.5, inPoint: 0.5))
            .Transition("t", "out", "in", seconds: 1, easing)
            .Build();

        var (fadingOut, _) = await MixAsync(outgoing, Fps30, frameCount: 90);
        var (fadingIn, _) = await MixAsync(incoming, Fps30, frameCount: 90);

        foreach (var progress in new[] { 0.15, 0.3, 0.5, 0.7, 0.85 })
        {
            var eased = EasingCurves.Apply(easing, progress);
            var (from, to) = (1 + progress - 0.02, 1 + progress + 0.02);
            Assert.True(Math.Abs(fadingOut.Rms(from, to) - ToneRms * (1 - eased)) <= 0.006,
                $"outgoing at {progress:0.00} of the window: RMS {fadingOut.Rms(from, to):0.0000}, expected {ToneRms * (1 - eased):0.0000}");
            Assert.True(Math.Abs(fadingIn.Rms(from, to) - ToneRms * eased) <= 0.006,
                $"incoming at {progress:0.00} of the window: RMS {fadingIn.Rms(from, to):0.0000}, expected {ToneRms * eased:0.0000}");
        }
        Assert.Equal(ToneRms, fadingOut.Rms(0.5, 1 - Edge), 0.01);
        Assert.True(fadingOut.Rms(2 + Edge, 3) < SilenceRms, "the outgoing sound is gone once the window is over");
        Assert.Equal(ToneRms, fadingIn.Rms(2 + Edge, 2.45), 0.01);
    }

    [Fact]
    public async Task Minus_six_decibels_is_half_the_amplitude_of_zero_decibels()
    {
        var timeline = new SoundTimeline().Asset("a", "audio", Tone)
            .Track("t", AudioClip("loud", "a", 0, 1), AudioClip("quiet", "a", 1, 1, decibels: AnimatedNumber.Constant(-6)))
            .Build();

        var (wav, _) = await MixAsync(timeline, Fps30, frameCount: 60);

        var ratio = wav.Rms(1 + Edge, 2 - Edge) / wav.Rms(Edge, 1 - Edge);
        Assert.Equal(Math.Pow(10, -6 / 20.0), ratio, 0.01); // 0.501
    }

    [Fact]
    public async Task Keyframed_decibels_move_linearly_in_decibels()
    {
        var timeline = new SoundTimeline().Asset("a", "audio", Tone)
            .Track("t", AudioClip("clip", "a", 0, 2, decibels: Decibels((0, -20), (1, 0))))
            .Build();

        var (wav, _) = await MixAsync(timeline, Fps30, frameCount: 60);

        Assert.Equal(ToneRms * Math.Pow(10, -20 / 20.0), wav.Rms(0, 0.02), 0.003); // -20 dB at the start
        Assert.Equal(ToneRms * Math.Pow(10, -10 / 20.0), wav.Rms(0.49, 0.51), 0.005); // -10 dB half-way
        Assert.Equal(ToneRms, wav.Rms(1.2, 1.9), 0.005); // held at 0 dB after the last keyframe
    }

    [Fact]
    public async Task A_fade_in_ramps_up_and_a_fade_out_ramps_down_to_the_items_end()
    {
        var timeline = new SoundTimeline().Asset("a", "audio", Tone)
            .Track("t", AudioClip("clip", "a", 0, 3, fadeIn: 1, fadeOut: 1))
            .Build();

        var (wav, _) = await MixAsync(timeline, Fps30, frameCount: 90);

        foreach (var progress in new[] { 0.25, 0.5, 0.75 })
        {
            Assert.Equal(ToneRms * progress, wav.Rms(progress - 0.01, progress + 0.01), 0.006);
            Assert.Equal(ToneRms * progress, wav.Rms(3 - progress - 0.01, 3 - progress + 0.01), 0.006);
        }
        Assert.Equal(ToneRms, wav.Rms(1 + Edge, 2 - Edge), 0.005);
        Assert.True(wav.Peak(0, 0.001) < 0.001 * 2, "the fade-in starts from silence");
    }

    [Fact]
    public async Task A_muted_track_is_not_heard_and_a_hidden_one_is()
    {
        var timeline = new SoundTimeline().Asset("a", "audio", Tone)
            .Track("muted", hidden: false, muted: true, AudioClip("muted-clip", "a", 0, 1))
            .Track("hidden", hidden: true, muted: false, AudioClip("hidden-clip", "a", 1, 1))
            .Build();

        var (wav, result) = await MixAsync(timeline, Fps30, frameCount: 60);

        Assert.True(wav.Rms(0, 1 - Edge) < SilenceRms, "the muted track's item is silent");
        Assert.Equal(ToneRms, wav.Rms(1 + Edge, 2 - Edge), 0.005);
        Assert.Equal(["hidden-clip"], result.MixedItemIds);
        Assert.Equal([new UnheardItem("muted-clip", UnheardReason.MutedTrack)], result.UnheardItems);
    }

    [Fact]
    public async Task The_in_point_skips_the_start_of_the_source()
    {
        // The source is silent for its first second; from an in-point of 1 s the tone is heard at once.
        var timeline = new SoundTimeline().Asset("a", "audio", SilenceThenTone)
            .Track("t", AudioClip("clip", "a", 0, 1.5, inPoint: 1))
            .Build();

        var (wav, _) = await MixAsync(timeline, Fps30, frameCount: 60);

        Assert.Equal(ToneRms, wav.Rms(0, 0.1), 0.005);
        Assert.Equal(ToneRms, wav.Rms(0.1, 1.5 - Edge), 0.005);
        Assert.True(wav.Rms(1.5 + Edge, 2) < SilenceRms, "cut at the item's end");
    }

    [Fact]
    public async Task Playback_rate_two_plays_the_source_in_half_the_time()
    {
        // A 0.5 s tone: at rate 2 it lasts 0.25 s of a 1 s item; at rate 0.25 (two atempo stages) it fills 2 s.
        var timeline = new SoundTimeline().Asset("a", "audio", ShortTone)
            .Track("fast", AudioClip("fast", "a", 0, 1, rate: 2))
            .Track("slow", AudioClip("slow", "a", 1, 2.5, rate: 0.25))
            .Build();

        var (wav, _) = await MixAsync(timeline, Fps30, frameCount: 105);

        Assert.Equal(ToneRms, wav.Rms(Edge, 0.25 - Edge), 0.01);
        Assert.True(wav.Rms(0.25 + Edge, 1 - Edge) < SilenceRms, "the fast source ran out after 0.25 s");
        Assert.Equal(ToneRms, wav.Rms(1 + Edge, 3 - Edge), 0.01);
        Assert.True(wav.Rms(3 + Edge, 3.5) < SilenceRms, "the slow source ran out after 2 s");
    }

    [Fact]
    public async Task Two_sources_at_once_add_up()
    {
        var timeline = new SoundTimeline().Asset("a", "audio", Tone)
            .Track("one", AudioClip("first", "a", 0, 2))
            .Track("two", AudioClip("second", "a", 1, 1))
            .Build();

        var (wav, result) = await MixAsync(timeline, Fps30, frameCount: 60);

        // A lone source keeps its level (no normalisation); two in-phase copies sum to twice the amplitude.
        Assert.Equal(ToneRms, wav.Rms(Edge, 1 - Edge), 0.005);
        Assert.Equal(2 * ToneRms, wav.Rms(1 + Edge, 2 - Edge), 0.01);
        Assert.Equal(["first", "second"], result.MixedItemIds);
    }

    [Fact]
    public async Task A_video_items_sound_is_mixed()
    {
        var timeline = new SoundTimeline().Asset("v", "video", VideoWithTone).Track("t", VideoClip("clip", "v", 0.5, 1)).Build();

        var (wav, result) = await MixAsync(timeline, Fps30, frameCount: 60);

        Assert.Equal(["clip"], result.MixedItemIds);
        Assert.True(wav.Rms(0, 0.5 - Edge) < SilenceRms);
        Assert.Equal(ToneRms, wav.Rms(0.5 + 0.1, 1.5 - 0.1), 0.01); // AAC, so a looser tolerance
        Assert.True(wav.Rms(1.5 + Edge, 2) < SilenceRms);
    }

    [Fact]
    public async Task Nothing_audible_returns_null_and_writes_nothing()
    {
        var silentVideo = new SoundTimeline().Asset("v", "video", SilentVideo).Track("t", VideoClip("clip", "v", 0, 1)).Build();
        var mutedOnly = new SoundTimeline().Asset("a", "audio", Tone)
            .Track("t", hidden: false, muted: true, AudioClip("clip", "a", 0, 1)).Build();
        var noSoundItems = new SoundTimeline().Track("t").Build();
        var output = media.OutputPath();

        foreach (var timeline in new[] { silentVideo, mutedOnly, noSoundItems })
        {
            Assert.Null(await AudioMixer.MixAsync(timeline, media.Assets, Fps30, 30, output));
        }
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.EnumerateFiles(media.MediaDirectory, "*.partial"));
    }

    [Fact]
    public async Task A_missing_or_unreadable_source_names_its_asset()
    {
        var missing = new SoundTimeline().Asset("gone", "audio", "no-such-file.wav").Track("t", AudioClip("clip", "gone", 0, 1)).Build();
        var notMedia = new SoundTimeline().Asset("junk", "audio", NotMedia).Track("t", AudioClip("clip", "junk", 0, 1)).Build();
        var undeclared = new SoundTimeline().Track("t", AudioClip("clip", "undeclared", 0, 1)).Build();

        var errors = new List<AssetUnavailableException>();
        foreach (var timeline in new[] { missing, notMedia, undeclared })
        {
            errors.Add(await Assert.ThrowsAsync<AssetUnavailableException>(
                () => AudioMixer.MixAsync(timeline, media.Assets, Fps30, 30, media.OutputPath())));
        }

        Assert.Equal(["gone", "junk", "undeclared"], errors.Select(e => e.AssetId));
        Assert.Contains("could not be read as media", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_ffmpeg_reports_the_end_of_what_it_said()
    {
        var timeline = new SoundTimeline().Asset("a", "audio", Tone).Track("t", AudioClip("clip", "a", 0, 1)).Build();
        var output = Path.Combine(media.MediaDirectory, "no-such-directory", "mix.wav");

        var error = await Assert.ThrowsAsync<AudioMixFailedException>(
            () => AudioMixer.MixAsync(timeline, media.Assets, Fps30, 30, output));

        Assert.Contains("No such file or directory", error.StandardErrorTail, StringComparison.Ordinal);
        Assert.Contains(error.StandardErrorTail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_ffmpeg_and_deletes_the_partial_file()
    {
        // An hour of output: long enough that the mix is still running when the partial file appears.
        var timeline = new SoundTimeline().Asset("a", "audio", Tone).Track("t", AudioClip("clip", "a", 0, 3600)).Build();
        var output = media.OutputPath();
        using var cancel = new CancellationTokenSource();

        var mixing = AudioMixer.MixAsync(timeline, media.Assets, Fps30, 30 * 3600, output, cancel.Token);
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!Directory.EnumerateFiles(media.MediaDirectory, "*.partial").Any() && !mixing.IsCompleted)
        {
            await Task.Delay(5, hangGuard.Token);
        }
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => mixing);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.EnumerateFiles(media.MediaDirectory, "*.partial"));
        Assert.Empty(ProcessesMentioning(media.MediaDirectory));
    }

    private async Task<(WavSamples Wav, AudioMixResult Result)> MixAsync(EditorTimeline timeline, FrameRate fps, long frameCount)
    {
        var output = media.OutputPath();
        var result = await AudioMixer.MixAsync(timeline, media.Assets, fps, frameCount, output);
        Assert.NotNull(result);
        Assert.Equal(output, result.OutputPath);
        return (WavSamples.Read(output), result);
    }

    /// <summary>Live processes whose command line contains <paramref name="text"/> (read from /proc).</summary>
    private static IReadOnlyList<string> ProcessesMentioning(string text) =>
        Directory.EnumerateDirectories("/proc")
            .Where(dir => int.TryParse(Path.GetFileName(dir), out _))
            .Select(dir =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return "";
                }
                catch (UnauthorizedAccessException)
                {
                    return "";
                }
            })
            .Where(commandLine => commandLine.Contains(text, StringComparison.Ordinal))
            .ToList();
}
