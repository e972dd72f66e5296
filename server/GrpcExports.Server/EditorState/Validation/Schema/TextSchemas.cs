namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>The typography shared by text items, captions and text-template text nodes.</summary>
internal static class TextSchemas
{
    public static readonly SchemaRule Align = StringRule.Enum("left", "center", "right");

    public static readonly SchemaRule Direction = StringRule.Enum("ltr", "rtl");

    public static readonly SchemaRule FontStyle = new ObjectRule(
        [("variant", StringRule.Any), ("weight", StringRule.Any)],
        required: ["variant", "weight"], closed: true);

    /// <summary>"background": null or a "textBackground" box.</summary>
    public static readonly SchemaRule Background = new NullableRule(new ObjectRule(
        [("color", StringRule.Color), ("horizontalPadding", NumberRule.NonNegative), ("borderRadius", NumberRule.NonNegative)],
        required: ["color", "horizontalPadding", "borderRadius"], closed: true));

    /// <summary>The properties every text-drawing shape requires.</summary>
    public static readonly (string Name, SchemaRule Rule)[] Typography =
    [
        ("color", StringRule.Color),
        ("align", Align),
        ("fontFamily", StringRule.Any),
        ("fontStyle", FontStyle),
        ("fontSize", NumberRule.AtLeast(1)),
        ("lineHeight", NumberRule.NonNegative),
        ("letterSpacing", NumberRule.Any),
        ("direction", Direction),
        ("strokeWidth", NumberRule.NonNegative),
        ("strokeColor", StringRule.Color),
    ];
}
