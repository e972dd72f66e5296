using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Tests.Rendering.Audio;

/// <summary>
/// Builds <see cref="EditorTimeline"/>s of sound items for the mix tests, in seconds: each track holds the items
/// given to it, each asset's <c>remoteKey</c> is its file name in the media directory.
/// </summary>
public sealed class SoundTimeline
{
    public const long TicksPerSecond = 240_000;

    private readonly List<TimelineTrack> _tracks = [];
    private readonly Dictionary<string, TimelineAsset> _assets = new(StringComparer.Ordinal);
    private readonly List<TimelineTransition> _transitions = [];

    public static long Ticks(double seconds) => (long)Math.Round(seconds * TicksPerSecond);

    public static AudioItem AudioClip(string id, string assetId, double start, double duration, double inPoint = 0,
        double rate = 1, AnimatedNumber? decibels = null, double fadeIn = 0, double fadeOut = 0) => new()
    {
        Id = id, Type = "audio", StartTicks = Ticks(start), DurationTicks = Ticks(duration), AssetId = assetId,
        AudioStartFromInSeconds = inPoint, PlaybackRate = rate, DecibelAdjustment = decibels ?? AnimatedNumber.Constant(0),
        AudioFadeInDurationInSeconds = fadeIn, AudioFadeOutDurationInSeconds = fadeOut,
    };

    public static VideoItem VideoClip(string id, string assetId, double start, double duration, double inPoint = 0) => new()
    {
        Id = id, Type = "video", StartTicks = Ticks(start), DurationTicks = Ticks(duration), AssetId = assetId,
        VideoStartFromInSeconds = inPoint,
        Geometry = new ItemGeometry(AnimatedNumber.Constant(0), AnimatedNumber.Constant(0), AnimatedNumber.Constant(64),
            AnimatedNumber.Constant(64), AnimatedNumber.Constant(1), AnimatedNumber.Constant(1), AnimatedNumber.Constant(1),
            AnimatedNumber.Constant(0), AnimatedNumber.Constant(0)),
    };

    /// <summary>Keyframed dB: (seconds after the item's start, dB) pairs.</summary>
    public static AnimatedNumber Decibels(params (double Seconds, double Decibels)[] keyframes) =>
        new(0, keyframes.Select(k => new Keyframe(Ticks(k.Seconds), k.Decibels)));

    public SoundTimeline Asset(string id, string type, string file)
    {
        _assets[id] = new TimelineAsset { Id = id, Type = type, Filename = file, RemoteKey = file };
        return this;
    }

    public SoundTimeline Track(string id, params TimelineItem[] items) => Track(id, hidden: false, muted: false, items);

    public SoundTimeline Track(string id, bool hidden, bool muted, params TimelineItem[] items)
    {
        _tracks.Add(new TimelineTrack(id, hidden, muted, [.. items.OrderBy(i => i.StartTicks)]));
        return this;
    }

    /// <summary>A fade of <paramref name="seconds"/> centred on the cut between two touching clips of a track.</summary>
    public SoundTimeline Transition(string trackId, string fromClipId, string toClipId, double seconds, Easing easing = Easing.Linear)
    {
        _transitions.Add(new TimelineTransition
        {
            Id = $"{fromClipId}-{toClipId}", TrackId = trackId, FromClipId = fromClipId, ToClipId = toClipId, Type = "fade",
            DurationTicks = Ticks(seconds), Easing = easing,
        });
        return this;
    }

    public EditorTimeline Build() => new()
    {
        CompositionWidth = 64,
        CompositionHeight = 64,
        TicksPerSecond = TicksPerSecond,
        Tracks = [.. _tracks],
        Items = _tracks.SelectMany(t => t.Items).ToDictionary(i => i.Id, StringComparer.Ordinal),
        Assets = new Dictionary<string, TimelineAsset>(_assets, StringComparer.Ordinal),
        Transitions = [.. _transitions],
    };
}
