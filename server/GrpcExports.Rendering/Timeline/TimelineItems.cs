namespace GrpcExports.Rendering.Timeline;

/// <summary>
/// Something on a track for <c>[StartTicks, StartTicks + DurationTicks)</c>. The kinds the renderer models are the
/// subclasses; every other kind of the format is read as an <see cref="UnmodelledItem"/> and kept, so that what cannot
/// be drawn yet is named instead of crashing the reader.
/// </summary>
public abstract record TimelineItem
{
    public required string Id { get; init; }

    /// <summary>The item's <c>type</c> as the document spells it (<c>solid</c>, <c>image</c>, <c>video</c>, ...).</summary>
    public required string Type { get; init; }

    public required long StartTicks { get; init; }

    public required long DurationTicks { get; init; }

    public long EndTicks => StartTicks + DurationTicks;
}

/// <summary>An item drawn in a box: geometry (keyframable), opacity, and the clip's in/out animations.</summary>
public abstract record VisualItem : TimelineItem
{
    public required ItemGeometry Geometry { get; init; }

    public ClipAnimations Animations { get; init; } = ClipAnimations.None;
}

/// <summary>
/// The keyframable placement of a visual item: <c>left/top/width/height</c> in composition pixels, <c>scaleX/scaleY</c>
/// and <c>rotation</c> (degrees, clockwise) around the box's centre, <c>opacity</c> 0..1, <c>borderRadius</c> in pixels.
/// Properties a kind does not have (text has no <c>borderRadius</c>) are constants: 0, or 1 for scales and opacity.
/// </summary>
public sealed record ItemGeometry(
    AnimatedNumber Left,
    AnimatedNumber Top,
    AnimatedNumber Width,
    AnimatedNumber Height,
    AnimatedNumber ScaleX,
    AnimatedNumber ScaleY,
    AnimatedNumber Opacity,
    AnimatedNumber Rotation,
    AnimatedNumber BorderRadius);

/// <summary>Source trimming in the item's own pixels (<c>cropLeft/Top/Right/Bottom</c>).</summary>
public sealed record ItemCrop(AnimatedNumber Left, AnimatedNumber Top, AnimatedNumber Right, AnimatedNumber Bottom)
{
    public static ItemCrop None { get; } = new(AnimatedNumber.Constant(0), AnimatedNumber.Constant(0), AnimatedNumber.Constant(0), AnimatedNumber.Constant(0));

    /// <summary>Some edge's keyframes take more than one value: the crop changes over the item's time.</summary>
    public bool Moves => new[] { Left, Top, Right, Bottom }.Any(edge => edge.Keyframes.Select(k => k.Value).Distinct().Skip(1).Any());
}

/// <summary>A clip animation (<c>fade</c>, <c>slide-up</c>, ..., <c>zoom-out</c>) over its duration at the clip's start or end.</summary>
public sealed record ClipAnimation(string Type, long DurationTicks, Easing Easing);

public sealed record ClipAnimations(ClipAnimation? In, ClipAnimation? Out)
{
    public static ClipAnimations None { get; } = new(null, null);
}

public enum SolidShape
{
    Rectangle,
    Circle,
    Triangle,
    Star,
}

/// <summary>A <c>solid</c> item: a filled shape in the item's colour.</summary>
public sealed record SolidItem : VisualItem
{
    public required Color Color { get; init; }

    public required SolidShape Shape { get; init; }

    public bool KeepAspectRatio { get; init; }
}

/// <summary>An <c>image</c> item showing an image asset.</summary>
public sealed record ImageItem : VisualItem
{
    public required string AssetId { get; init; }

    public bool KeepAspectRatio { get; init; }

    public ItemCrop Crop { get; init; } = ItemCrop.None;
}

/// <summary>A <c>video</c> item: picture from <see cref="VideoStartFromInSeconds"/> at <see cref="PlaybackRate"/>, and its sound.</summary>
public sealed record VideoItem : VisualItem
{
    public required string AssetId { get; init; }

    public bool KeepAspectRatio { get; init; }

    public ItemCrop Crop { get; init; } = ItemCrop.None;

    public double VideoStartFromInSeconds { get; init; }

    public double PlaybackRate { get; init; } = 1;

    public AnimatedNumber DecibelAdjustment { get; init; } = AnimatedNumber.Constant(0);

    public double AudioFadeInDurationInSeconds { get; init; }

    public double AudioFadeOutDurationInSeconds { get; init; }
}

/// <summary>
/// A <c>gif</c> item: the asset's frames, each shown for its own delay, from <see cref="GifStartFromInSeconds"/> at
/// <see cref="PlaybackRate"/>; the asset's <c>loopBehavior</c> says whether it starts over or holds its last frame.
/// </summary>
public sealed record GifItem : VisualItem
{
    public required string AssetId { get; init; }

    public bool KeepAspectRatio { get; init; }

    public ItemCrop Crop { get; init; } = ItemCrop.None;

    public double GifStartFromInSeconds { get; init; }

    public double PlaybackRate { get; init; } = 1;
}

/// <summary>
/// A <c>captions</c> item: the timed entries of a caption asset, shown a page at a time in the item's box. A page
/// holds the entries that start within <see cref="PageDurationInMilliseconds"/> of its first one and fit in
/// <see cref="MaxLines"/> lines; with word timing the word being spoken is drawn in <see cref="HighlightColor"/>.
/// </summary>
public sealed record CaptionsItem : VisualItem
{
    public required string AssetId { get; init; }

    /// <summary>How every word is drawn (font, size, colour, stroke, background, alignment, direction); its text is empty.</summary>
    public required TextItem Style { get; init; }

    public required Color HighlightColor { get; init; }

    public double PageDurationInMilliseconds { get; init; } = 1000;

    public int MaxLines { get; init; } = 1;

    /// <summary>How far into the item the caption asset's time 0 falls: the entries are shown this much later.</summary>
    public double ContentStartOffsetMs { get; init; }

    public CaptionAnimations CaptionAnimations { get; init; } = CaptionAnimations.None;
}

/// <summary>A caption animation (<c>converge</c>, <c>typewriter</c>, ...) over <see cref="DurationTicks"/>.</summary>
public sealed record CaptionAnimation(string Type, long DurationTicks, Easing Easing);

/// <summary>Caption animations: <c>in</c> as each page appears, <c>out</c> as it leaves, <c>loop</c> repeated while it shows.</summary>
public sealed record CaptionAnimations(CaptionAnimation? In, CaptionAnimation? Out, CaptionAnimation? Loop)
{
    public static CaptionAnimations None { get; } = new(null, null, null);
}

/// <summary>A <c>text</c> item, rasterised in its box.</summary>
public sealed record TextItem : VisualItem
{
    public required string Text { get; init; }

    public required Color Color { get; init; }

    /// <summary><c>left</c>, <c>center</c> or <c>right</c>.</summary>
    public string Align { get; init; } = "left";

    public string FontFamily { get; init; } = "";

    /// <summary>The CSS weight as the document spells it (<c>400</c>, <c>600</c>, <c>bold</c>...).</summary>
    public string FontWeight { get; init; } = "400";

    /// <summary>The <c>fontStyle.variant</c> (<c>normal</c>, <c>italic</c>...).</summary>
    public string FontVariant { get; init; } = "normal";

    public double FontSize { get; init; } = 16;

    public double LineHeight { get; init; } = 1.2;

    public double LetterSpacing { get; init; }

    /// <summary><c>ltr</c> or <c>rtl</c>.</summary>
    public string Direction { get; init; } = "ltr";

    public double StrokeWidth { get; init; }

    public Color StrokeColor { get; init; } = Color.Black;

    public TextBackground? Background { get; init; }
}

/// <summary>The box behind a text item's lines.</summary>
public sealed record TextBackground(Color Color, double HorizontalPadding, double BorderRadius);

/// <summary>An <c>audio</c> item: heard, never drawn.</summary>
public sealed record AudioItem : TimelineItem
{
    public required string AssetId { get; init; }

    public double AudioStartFromInSeconds { get; init; }

    public double PlaybackRate { get; init; } = 1;

    public AnimatedNumber DecibelAdjustment { get; init; } = AnimatedNumber.Constant(0);

    public double AudioFadeInDurationInSeconds { get; init; }

    public double AudioFadeOutDurationInSeconds { get; init; }
}

/// <summary>
/// An <c>effect</c> item: changes how the layers below its track look while it runs (<c>fade-in</c>, <c>fade-out</c>,
/// <c>flash-to-black</c>, <c>blur</c>, <c>blurred-opening</c>), at <see cref="Intensity"/>.
/// </summary>
public sealed record EffectItem : TimelineItem
{
    public required string EffectType { get; init; }

    public double Intensity { get; init; } = 1;
}

/// <summary>
/// A <c>filter</c> item: a colour transform (<see cref="FilterType"/>, one of the eight named looks) over the layers
/// below its track while it runs, applied by <see cref="Intensity"/> times <see cref="Blend"/> (<c>params.blend</c>).
/// </summary>
public sealed record FilterItem : TimelineItem
{
    public required string FilterType { get; init; }

    public double Intensity { get; init; } = 1;

    public double Blend { get; init; } = 1;
}

/// <summary>
/// An item of a kind the renderer has no model for yet (chart, lottie, motion-graphic, text-template, illustration): its
/// timing is kept so the timeline's length is right and it can be named.
/// </summary>
public sealed record UnmodelledItem : TimelineItem;
