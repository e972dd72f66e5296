namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>The entries of "assets": a base every asset shares and one shape per asset "type".</summary>
internal static class AssetSchemas
{
    private static readonly SchemaRule NullableString = new NullableRule(StringRule.Any);
    private static readonly SchemaRule Dimension = NumberRule.AtLeast(1);

    private static readonly ObjectRule BaseAsset = new(
        [
            ("id", StringRule.NonEmpty),
            ("type", StringRule.Any),
            ("filename", StringRule.NonEmpty),
            ("size", NumberRule.NonNegative),
            ("remoteUrl", NullableString),
            ("remoteKey", NullableString),
            ("mimeType", StringRule.NonEmpty),
        ],
        required: ["id", "type", "filename", "size", "mimeType"]);

    private static readonly ObjectRule CaptionEntry = new(
        [
            ("text", StringRule.Any),
            ("startMs", NumberRule.NonNegative),
            ("endMs", NumberRule.NonNegative),
            ("timestampMs", new NullableRule(NumberRule.NonNegative)),
            ("confidence", new NullableRule(NumberRule.Any)),
        ],
        required: ["text", "startMs", "endMs"], closed: true);

    public static readonly SchemaRule Asset = new UnionRule("type",
    [
        ("image", BaseAsset.Variant("type", "image", [("width", Dimension), ("height", Dimension)])),
        ("video", BaseAsset.Variant("type", "video",
        [
            ("durationInSeconds", NumberRule.NonNegative), ("hasAudioTrack", BooleanRule.Instance), ("width", Dimension), ("height", Dimension),
        ])),
        ("gif", BaseAsset.Variant("type", "gif",
        [
            ("durationInSeconds", NumberRule.NonNegative), ("width", Dimension), ("height", Dimension),
            ("loopBehavior", StringRule.Enum("finite", "loop")),
        ])),
        ("audio", BaseAsset.Variant("type", "audio", [("durationInSeconds", NumberRule.NonNegative)])),
        ("caption", BaseAsset.Variant("type", "caption", [("captions", new ArrayRule(CaptionEntry)), ("timingGranularity", StringRule.Enum("word", "line"))])),
        ("lottie", BaseAsset.Variant("type", "lottie",
            [
                ("durationInSeconds", NumberRule.NonNegative), ("width", Dimension), ("height", Dimension),
                ("resourceType", StringRule.Enum("lottie", "svg")),
            ],
            [
                ("resourceJson", new NullableRule(ObjectRule.AnyObject)),
                ("resourceComponentId", NullableString),
                ("materialConfig", new NullableRule(ObjectRule.AnyObject)),
            ])),
    ]);
}
