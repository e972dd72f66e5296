using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// Decides what the mix contains. Audio items and video items make sound; an item on a muted track is not heard.
/// Hidden tracks are heard: DESIGN.md keeps the two flags apart (hidden is not drawn, muted is not heard), so a video
/// on a hidden, unmuted track still plays its sound. A sound item is left out when its file has no audio stream, its
/// in-point is at or past the end of that stream, it starts at or after the export's end, or it is too short to
/// cover one sample; what remains is placed
/// on the export's 48 kHz sample timeline and cut where the export ends. A clip joined to another by a transition is
/// heard over the transition's window too, cross-fading with the other (<see cref="SoundOverlap"/>).
/// </summary>
public static class AudioMixPlanner
{
    /// <summary>The assets whose files must be probed before planning: those of sound items on unmuted tracks.</summary>
    public static IReadOnlyList<TimelineAsset> AssetsToProbe(EditorTimeline timeline) =>
        SoundItems(timeline)
            .Where(entry => !entry.Track.Muted)
            .Select(entry => AssetOf(timeline, entry.Item.Id, entry.Sound))
            .DistinctBy(asset => asset.Id)
            .ToList();

    /// <param name="sources">What probing found, by asset id, for every asset of <see cref="AssetsToProbe"/>.</param>
    public static AudioMixPlan Plan(EditorTimeline timeline, FrameRate fps, long frameCount,
        IReadOnlyDictionary<string, SourceAudio> sources)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameCount);
        var totalSamples = MixFormat.SamplesForFrames(frameCount, fps);
        var heard = new List<MixSource>();
        var unheard = new List<UnheardItem>();
        foreach (var (track, item, sound) in SoundItems(timeline))
        {
            var startSample = MixFormat.SampleAtTick(item.StartTicks, timeline.TicksPerSecond);
            var endSample = MixFormat.SampleAtTick(item.EndTicks, timeline.TicksPerSecond);
            var source = track.Muted ? null : sources[AssetOf(timeline, item.Id, sound).Id];
            UnheardReason? reason = track.Muted ? UnheardReason.MutedTrack
                : !source!.HasAudio ? UnheardReason.NoAudioStream
                : source.DurationSeconds is { } length && sound.InPointSeconds >= length ? UnheardReason.InPointPastSourceEnd
                : startSample >= totalSamples ? UnheardReason.AfterExportEnd
                : endSample <= startSample ? UnheardReason.ShorterThanOneSample
                : null;
            if (reason is { } why)
            {
                unheard.Add(new UnheardItem(item.Id, why));
                continue;
            }
            var (into, outOf) = SoundOverlap.TransitionsOf(timeline, track.Id, item.Id);
            var (inTicks, outTicks) = (into?.DurationTicks ?? 0, outOf?.DurationTicks ?? 0);
            var (leadTicks, tailTicks) = (inTicks / 2, outTicks / 2);
            if (leadTicks == 0 && tailTicks == 0)
            {
                heard.Add(new MixSource(
                    ItemId: item.Id,
                    FilePath: source!.FilePath,
                    IsMono: source.IsMono,
                    InPointSeconds: sound.InPointSeconds,
                    PlaybackRate: sound.PlaybackRate,
                    StartSample: startSample,
                    ItemSamples: endSample - startSample,
                    HeardSamples: Math.Min(endSample, totalSamples) - startSample,
                    Volume: VolumeEnvelope.From(sound.DecibelAdjustment, timeline.TicksPerSecond),
                    FadeInSeconds: sound.FadeInSeconds,
                    FadeOutSeconds: sound.FadeOutSeconds));
                continue;
            }
            // Stretched by the transitions: the source starts earlier by the lead (silence where it has nothing before
            // its in-point) and plays on past the item's end by the tail.
            var spanStart = MixFormat.SampleAtTick(Math.Max(0, item.StartTicks - leadTicks), timeline.TicksPerSecond);
            var spanEnd = MixFormat.SampleAtTick(item.EndTicks + tailTicks, timeline.TicksPerSecond);
            var lead = startSample - spanStart;
            var earlyInPoint = sound.InPointSeconds - MixFormat.Seconds(lead) * sound.PlaybackRate;
            var silence = earlyInPoint >= 0 ? 0 : Math.Min(lead, (long)Math.Round(-earlyInPoint / sound.PlaybackRate * MixFormat.SampleRate));
            heard.Add(new MixSource(
                ItemId: item.Id,
                FilePath: source!.FilePath,
                IsMono: source.IsMono,
                InPointSeconds: Math.Max(0, earlyInPoint),
                PlaybackRate: sound.PlaybackRate,
                StartSample: spanStart,
                ItemSamples: spanEnd - spanStart,
                HeardSamples: Math.Min(spanEnd, totalSamples) - spanStart,
                Volume: VolumeEnvelope.From(sound.DecibelAdjustment, timeline.TicksPerSecond).ShiftedBy(MixFormat.Seconds(lead)),
                FadeInSeconds: sound.FadeInSeconds,
                FadeOutSeconds: sound.FadeOutSeconds,
                Overlap: new SoundOverlap(lead, silence, endSample - startSample,
                    CrossfadeInSamples: Math.Min(spanEnd - spanStart, MixFormat.SampleAtTick(inTicks, timeline.TicksPerSecond)),
                    CrossfadeOutSamples: Math.Min(spanEnd - spanStart, MixFormat.SampleAtTick(outTicks, timeline.TicksPerSecond)),
                    CrossfadeInEasing: into?.Easing ?? Easing.Linear,
                    CrossfadeOutEasing: outOf?.Easing ?? Easing.Linear)));
        }
        return new AudioMixPlan(totalSamples, heard, unheard);
    }

    private static IEnumerable<(TimelineTrack Track, TimelineItem Item, ItemSound Sound)> SoundItems(EditorTimeline timeline) =>
        from track in timeline.Tracks
        from item in track.Items
        let sound = ItemSound.Of(item)
        where sound is not null
        select (track, item, sound);

    private static TimelineAsset AssetOf(EditorTimeline timeline, string itemId, ItemSound sound) =>
        timeline.Assets.TryGetValue(sound.AssetId, out var asset)
            ? asset
            : throw new AssetUnavailableException(sound.AssetId, $"is not in the document's assets (item '{itemId}')");
}
