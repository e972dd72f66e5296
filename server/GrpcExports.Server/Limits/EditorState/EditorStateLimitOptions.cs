namespace GrpcExports.Server.Limits.EditorState;

/// <summary>
/// The "Limits:EditorState" section: how large and how busy one editor state may be. The defaults sit well above what
/// an editor makes by hand; they bound what one document may cost the validator, the store and the renderer.
/// </summary>
internal sealed class EditorStateLimitOptions
{
    /// <summary>8K: the largest composition the renderer is asked to draw, whatever a setting says.</summary>
    public const int LongSideCeiling = 7680;

    public const int ShortSideCeiling = 4320;

    /// <summary>The document as sent (its protobuf encoding, about the size of its compact JSON). Default 4 MiB.</summary>
    public int MaxBytes { get; set; } = 4 * 1024 * 1024;

    public int MaxTracks { get; set; } = 100;

    /// <summary>Entries of the document's <c>items</c>.</summary>
    public int MaxItems { get; set; } = 5_000;

    /// <summary>Keyframes of one item, summed over its keyframed properties.</summary>
    public int MaxKeyframesPerItem { get; set; } = 1_000;

    /// <summary>The end of the last item, in seconds. Default 4 hours.</summary>
    public double MaxDurationSeconds { get; set; } = 4 * 60 * 60;

    /// <summary>The longer of compositionWidth and compositionHeight; at most 7680.</summary>
    public int MaxCompositionLongSide { get; set; } = LongSideCeiling;

    /// <summary>The shorter of compositionWidth and compositionHeight; at most 4320.</summary>
    public int MaxCompositionShortSide { get; set; } = ShortSideCeiling;

    public string? Problem(string section) =>
        MaxBytes < 1 ? $"{section}:MaxBytes must be 1 or more, not {MaxBytes}."
        : MaxTracks < 1 ? $"{section}:MaxTracks must be 1 or more, not {MaxTracks}."
        : MaxItems < 0 ? $"{section}:MaxItems must be 0 or more, not {MaxItems}."
        : MaxKeyframesPerItem < 0 ? $"{section}:MaxKeyframesPerItem must be 0 or more, not {MaxKeyframesPerItem}."
        : !(MaxDurationSeconds > 0) || double.IsInfinity(MaxDurationSeconds) ? $"{section}:MaxDurationSeconds must be a number above 0, not {MaxDurationSeconds}."
        : MaxCompositionLongSide is < 1 or > LongSideCeiling ? $"{section}:MaxCompositionLongSide must lie between 1 and {LongSideCeiling}, not {MaxCompositionLongSide}."
        : MaxCompositionShortSide < 1 || MaxCompositionShortSide > Math.Min(ShortSideCeiling, MaxCompositionLongSide)
            ? $"{section}:MaxCompositionShortSide must lie between 1 and {Math.Min(ShortSideCeiling, MaxCompositionLongSide)}, not {MaxCompositionShortSide}."
        : null;
}
