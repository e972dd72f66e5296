using static GrpcExports.Server.EditorState.Validation.Schema.AnimationSchemas;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>The entries of "items": a timeline base, the geometry of drawn items, and one shape per item "type".</summary>
internal static class ItemSchemas
{
    private static readonly SchemaRule PlaybackRate = NumberRule.AtLeast(0.01);

    /// <summary>"timelineItemBase": where the item sits on the timeline.</summary>
    private static readonly ObjectRule TimelineItem = new(
        [
            ("id", StringRule.NonEmpty),
            ("type", StringRule.Any),
            ("durationTicks", NumberRule.PositiveInteger),
            ("startTicks", NumberRule.NonNegativeInteger),
            ("isDraggingInTimeline", BooleanRule.Instance),
        ],
        required: ["id", "type", "durationTicks", "startTicks", "isDraggingInTimeline"]);

    /// <summary>"baseItem": a timeline item with a keyframed box.</summary>
    private static readonly ObjectRule DrawnItem = TimelineItem.With(new ObjectRule(
        [.. new[] { "top", "left", "width", "height", "scaleX", "scaleY", "opacity" }.Select(name => (name, (SchemaRule)AnimatedNumber))],
        required: ["top", "left", "width", "height", "scaleX", "scaleY", "opacity"]));

    private static readonly (string Name, SchemaRule Rule)[] Crop =
        [("cropLeft", AnimatedNumber), ("cropTop", AnimatedNumber), ("cropRight", AnimatedNumber), ("cropBottom", AnimatedNumber)];

    private static readonly (string Name, SchemaRule Rule) Animations = ("animations", ClipAnimations);

    private static readonly (string Name, SchemaRule Rule)[] AudioShaping =
    [
        ("decibelAdjustment", AnimatedNumber),
        ("playbackRate", PlaybackRate),
        ("audioFadeInDurationInSeconds", NumberRule.NonNegative),
        ("audioFadeOutDurationInSeconds", NumberRule.NonNegative),
    ];

    public static readonly SchemaRule Item = new UnionRule("type",
    [
        ("image", DrawnItem.Variant("type", "image",
            [("assetId", StringRule.NonEmpty), ("keepAspectRatio", BooleanRule.Instance), ("borderRadius", AnimatedNumber), ("rotation", AnimatedNumber)],
            [
                ("stickerId", new NullableRule(StringRule.NonEmpty)),
                ("stickerVersion", new NullableRule(NumberRule.PositiveInteger)),
                .. Crop,
                Animations,
            ])),
        ("video", DrawnItem.Variant("type", "video",
            [
                ("assetId", StringRule.NonEmpty), ("keepAspectRatio", BooleanRule.Instance), ("borderRadius", AnimatedNumber), ("rotation", AnimatedNumber),
                ("videoStartFromInSeconds", NumberRule.NonNegative), .. AudioShaping,
            ],
            [.. Crop, Animations])),
        ("gif", DrawnItem.Variant("type", "gif",
            [
                ("assetId", StringRule.NonEmpty), ("keepAspectRatio", BooleanRule.Instance), ("borderRadius", AnimatedNumber), ("rotation", AnimatedNumber),
                ("gifStartFromInSeconds", NumberRule.NonNegative), ("playbackRate", PlaybackRate),
            ],
            [.. Crop, Animations])),
        ("lottie", DrawnItem.Variant("type", "lottie",
            [
                ("assetId", StringRule.NonEmpty), ("keepAspectRatio", BooleanRule.Instance), ("rotation", AnimatedNumber),
                ("lottieStartFromInSeconds", NumberRule.NonNegative), ("playbackRate", PlaybackRate),
            ],
            [Animations])),
        ("audio", DrawnItem.Variant("type", "audio",
            [("assetId", StringRule.NonEmpty), ("audioStartFromInSeconds", NumberRule.NonNegative), .. AudioShaping])),
        ("text", DrawnItem.Variant("type", "text",
            [("text", StringRule.Any), .. TextSchemas.Typography, ("resizeOnEdit", BooleanRule.Instance)],
            [("background", TextSchemas.Background), ("rotation", AnimatedNumber), Animations, ("captionAnimations", CaptionAnimations)])),
        ("text-template", DrawnItem.Variant("type", "text-template",
            [
                ("schemaVersion", new NumberRule(integer: true, oneOf: [2])), ("templateId", StringRule.Any),
                ("templateCategory", StringRule.Any), ("nodes", TextTemplateSchemas.Nodes),
            ],
            [("rotation", AnimatedNumber), Animations])),
        ("captions", DrawnItem.Variant("type", "captions",
            [
                ("assetId", StringRule.Any), .. TextSchemas.Typography, ("highlightColor", StringRule.Any),
                ("pageDurationInMilliseconds", NumberRule.AtLeast(1)), ("maxLines", NumberRule.PositiveInteger),
                ("contentStartOffsetMs", NumberRule.NonNegative), ("source", StringRule.Enum("manual", "auto", "upload")),
                ("captionGroupId", new NullableRule(StringRule.Any)), ("background", TextSchemas.Background),
            ],
            [("rotation", AnimatedNumber), Animations, ("captionAnimations", CaptionAnimations)])),
        ("solid", DrawnItem.Variant("type", "solid",
            [
                ("color", StringRule.Color), ("shape", StringRule.Enum("rectangle", "circle", "triangle", "star")),
                ("keepAspectRatio", BooleanRule.Instance), ("borderRadius", AnimatedNumber), ("rotation", AnimatedNumber),
            ],
            [Animations])),
        ("illustration", DrawnItem.Variant("type", "illustration",
            [("illustrationName", StringRule.NonEmpty), ("color", StringRule.Any), ("keepAspectRatio", BooleanRule.Instance), ("rotation", AnimatedNumber)],
            [Animations])),
        ("effect", TimelineItem.Variant("type", "effect",
            [
                ("effectType", StringRule.Enum("flash-to-black", "blur", "blurred-opening", "fade-in", "fade-out")),
                ("intensity", NumberRule.NonNegative),
            ],
            [("params", Params)])),
        ("filter", TimelineItem.Variant("type", "filter",
            [
                ("filterType", StringRule.Enum("verdant-glow", "cyberpunk-neon", "vaporwave-blue", "sunset-orange", "lemon-cyan",
                    "absolute-red", "sakura-pink", "twilight-dusk")),
                ("intensity", NumberRule.NonNegative),
            ],
            [("params", Params)])),
        ("chart", new UnionRule("chartType",
        [
            ("line", Chart("line", ChartSchemas.XYData)),
            ("bar", Chart("bar", ChartSchemas.XYData)),
            ("area", Chart("area", ChartSchemas.XYData)),
            ("pie", Chart("pie", ChartSchemas.PieData)),
            ("radar", Chart("radar", ChartSchemas.XYData)),
            ("scatter", Chart("scatter", ChartSchemas.ScatterData)),
        ])),
    ]);

    private static ObjectRule Chart(string chartType, SchemaRule data) => DrawnItem
        .Variant("type", "chart",
            [
                ("themeColor", StringRule.Any), ("data", data), ("animationDurationTicks", NumberRule.NonNegativeInteger),
                ("keepAspectRatio", BooleanRule.Instance), ("rotation", AnimatedNumber),
            ],
            [Animations])
        .Variant("chartType", chartType, []);
}
