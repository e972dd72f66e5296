namespace GrpcExports.Rendering.Timeline;

/// <summary>
/// The parts of an editor state the renderer draws, read into typed records. <see cref="Tracks"/> is in the document's
/// order: <c>tracks[0]</c> is the top layer.
/// </summary>
public sealed record EditorTimeline
{
    public required int CompositionWidth { get; init; }

    public required int CompositionHeight { get; init; }

    public required long TicksPerSecond { get; init; }

    public required IReadOnlyList<TimelineTrack> Tracks { get; init; }

    public required IReadOnlyDictionary<string, TimelineItem> Items { get; init; }

    public required IReadOnlyDictionary<string, TimelineAsset> Assets { get; init; }

    public required IReadOnlyList<TimelineTransition> Transitions { get; init; }

    public GlobalBackground Background { get; init; } = GlobalBackground.None;

    /// <summary>The end of the last item on any track (0 for an empty timeline).</summary>
    public long DurationTicks => Tracks.SelectMany(t => t.Items).Select(i => i.EndTicks).DefaultIfEmpty(0).Max();

    /// <summary>Items on tracks whose kind the renderer has no model for, in track order.</summary>
    public IReadOnlyList<UnmodelledItem> UnmodelledItems => Tracks.SelectMany(t => t.Items).OfType<UnmodelledItem>().ToList();

    public FrameClock ClockAt(FrameRate rate) => new(TicksPerSecond, rate);
}

/// <summary>A track with its items resolved and ordered by start.</summary>
public sealed record TimelineTrack(string Id, bool Hidden, bool Muted, IReadOnlyList<TimelineItem> Items);

/// <summary>An asset entry: what kind of media, where it lives, and the facts the editor recorded about it.</summary>
public sealed record TimelineAsset
{
    public required string Id { get; init; }

    /// <summary><c>image</c>, <c>video</c>, <c>gif</c>, <c>audio</c>, <c>caption</c> or <c>lottie</c>.</summary>
    public required string Type { get; init; }

    public string Filename { get; init; } = "";

    public string MimeType { get; init; } = "";

    public string? RemoteUrl { get; init; }

    public string? RemoteKey { get; init; }

    public double? Width { get; init; }

    public double? Height { get; init; }

    public double? DurationInSeconds { get; init; }

    public bool? HasAudioTrack { get; init; }

    /// <summary>A gif's <c>loopBehavior</c>: true for <c>loop</c> (start over), false for <c>finite</c> (hold the last frame).</summary>
    public bool Loops { get; init; } = true;

    /// <summary>A caption asset's timed entries, in the document's order.</summary>
    public IReadOnlyList<CaptionEntry> Captions { get; init; } = [];

    /// <summary>A caption asset's <c>timingGranularity</c>: true for <c>word</c> (each entry is a word), false for <c>line</c>.</summary>
    public bool WordTiming { get; init; }
}

/// <summary>One timed entry of a caption asset: a word or a line, shown over <c>[StartMs, EndMs)</c>.</summary>
public sealed record CaptionEntry(string Text, double StartMs, double EndMs);

/// <summary>
/// A transition joining two touching clips of one track, centred on their cut: it runs over
/// <c>[cut - DurationTicks / 2, cut + DurationTicks / 2)</c>.
/// </summary>
public sealed record TimelineTransition
{
    public required string Id { get; init; }

    public required string TrackId { get; init; }

    public required string FromClipId { get; init; }

    public required string ToClipId { get; init; }

    /// <summary><c>fade</c>, <c>slide</c>, <c>wipe</c>, <c>flip</c>, <c>clock-wipe</c> or <c>iris</c>.</summary>
    public required string Type { get; init; }

    public required long DurationTicks { get; init; }

    public Easing Easing { get; init; } = Easing.Linear;

    /// <summary>The transition's <c>params</c>: strings, numbers (as double) and booleans.</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; init; } = new Dictionary<string, object>();

    /// <summary><c>params.direction</c> for slide, wipe and flip (<c>from-left</c> when absent).</summary>
    public TransitionDirection Direction { get; init; } = TransitionDirections.Default;
}

/// <summary>What is drawn behind every track (<c>globalBackground</c>).</summary>
public abstract record GlobalBackground
{
    public static GlobalBackground None { get; } = new NoBackground();
}

/// <summary><c>{"type": "none"}</c>, or no <c>globalBackground</c>: transparent.</summary>
public sealed record NoBackground : GlobalBackground;

/// <summary><c>{"type": "color"}</c>: a colour, with an optional CSS gradient drawn instead when it is set.</summary>
public sealed record ColorBackground(Color Color, string? Gradient) : GlobalBackground;

/// <summary><c>{"type": "blur"}</c>: the composition's own content, blurred at level 0..4, behind everything.</summary>
public sealed record BlurBackground(int Level) : GlobalBackground;

/// <summary><c>{"type": "image"}</c>: an image (asset or URL) behind everything.</summary>
public sealed record ImageBackground(string? ImageAssetId, string ImageUrl, string Source) : GlobalBackground;
