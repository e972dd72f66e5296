using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// Decides what the mix contains. Audio items and video items make sound; an item on a muted track is not heard.
/// Hidden tracks are heard: DESIGN.md keeps the two flags apart (hidden is not drawn, muted is not heard), so a video
/// on a hidden, unmuted track still plays its sound. A sound item is left out when its file has no audio stream, its
/// in-point is at or past the end of that stream, it starts at or after the export's end, or it is too short to
/// cover one sample; what remains is placed
/// on the export's 48 kHz sample timeline and cut where the export ends.
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
