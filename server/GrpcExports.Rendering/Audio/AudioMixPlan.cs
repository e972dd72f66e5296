namespace GrpcExports.Rendering.Audio;

/// <summary>
/// What one mix does: the export's length in samples, the sources heard (each placed on the export's sample
/// timeline) and the sound items left out with the reason.
/// </summary>
public sealed record AudioMixPlan(long TotalSamples, IReadOnlyList<MixSource> Sources, IReadOnlyList<UnheardItem> Unheard)
{
    public bool IsSilent => Sources.Count == 0;
}

/// <summary>
/// One item's sound in the mix: <see cref="FilePath"/> read from <see cref="InPointSeconds"/> at
/// <see cref="PlaybackRate"/>, heard from export sample <see cref="StartSample"/> for <see cref="HeardSamples"/>
/// samples (the item's span, cut where the export ends), shaped by <see cref="Volume"/> and the fades.
/// </summary>
/// <param name="ItemSamples">The item's whole span (stretched by its transitions); the fade-out ends there even when the
/// export ends earlier.</param>
/// <param name="Overlap">Null unless a transition joins the item to another clip: then the span is stretched over the
/// transitions' windows and the item's own span, fades and volume keyframes lie within it.</param>
public sealed record MixSource(
    string ItemId,
    string FilePath,
    bool IsMono,
    double InPointSeconds,
    double PlaybackRate,
    long StartSample,
    long ItemSamples,
    long HeardSamples,
    VolumeEnvelope Volume,
    double FadeInSeconds,
    double FadeOutSeconds,
    SoundOverlap? Overlap = null);

/// <summary>A sound item that is not in the mix, and why.</summary>
public sealed record UnheardItem(string ItemId, UnheardReason Reason);

public enum UnheardReason
{
    /// <summary>Its track is muted.</summary>
    MutedTrack,

    /// <summary>Its file has no audio stream (a silent video).</summary>
    NoAudioStream,

    /// <summary>Its in-point lies at or past the end of its source's audio.</summary>
    InPointPastSourceEnd,

    /// <summary>It starts at or after the export's end.</summary>
    AfterExportEnd,

    /// <summary>It lasts less than one 48 kHz sample.</summary>
    ShorterThanOneSample,
}
