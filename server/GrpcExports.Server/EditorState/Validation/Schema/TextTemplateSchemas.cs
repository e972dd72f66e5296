namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>The nodes of a "text-template" item: images (svg or lottie) and text boxes.</summary>
internal static class TextTemplateSchemas
{
    private static readonly (string Name, SchemaRule Rule)[] Box =
        [("x", NumberRule.Any), ("y", NumberRule.Any), ("width", NumberRule.Any), ("height", NumberRule.Any)];

    private static readonly ObjectRule Node = new([("id", StringRule.NonEmpty)], required: ["id"], closed: true);

    public static readonly SchemaRule Nodes = new ArrayRule(new UnionRule("type",
    [
        ("image", Node.Variant("type", "image",
            [
                ("imageType", StringRule.Enum("svg", "lottie")),
                ("imageComponentId", new NullableRule(StringRule.Any)),
                ("imageLottieJson", new NullableRule(ObjectRule.AnyObject)),
                .. Box,
                ("opacity", NumberRule.Any),
            ],
            [("animations", AnimationSchemas.ClipAnimations)])),
        ("text", Node.Variant("type", "text",
            [.. Box, ("text", StringRule.Any), .. TextSchemas.Typography, ("background", TextSchemas.Background)],
            [("animations", AnimationSchemas.ClipAnimations), ("captionAnimations", AnimationSchemas.CaptionAnimations)])),
    ]), minItems: 2);
}
