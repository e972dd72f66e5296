namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>The "data" of a chart item, whose shape depends on its chartType.</summary>
internal static class ChartSchemas
{
    private static readonly SchemaRule Series = new ArrayRule(new ObjectRule(
        [("key", StringRule.NonEmpty), ("label", StringRule.NonEmpty)],
        required: ["key", "label"], closed: true), minItems: 1);

    /// <summary>Rows of labelled values, one per series key (line, bar, area and radar charts).</summary>
    public static readonly SchemaRule XYData = new ObjectRule(
        [
            ("series", Series),
            ("rows", new ArrayRule(new ObjectRule(
                [("label", StringRule.NonEmpty), ("values", ObjectRule.MapOf(NumberRule.Any, minProperties: 1))],
                required: ["label", "values"], closed: true), minItems: 1)),
        ],
        required: ["series", "rows"], closed: true);

    public static readonly SchemaRule PieData = new ObjectRule(
        [
            ("slices", new ArrayRule(new ObjectRule(
                [("label", StringRule.NonEmpty), ("value", NumberRule.NonNegative)],
                required: ["label", "value"], closed: true), minItems: 1)),
        ],
        required: ["slices"], closed: true);

    public static readonly SchemaRule ScatterData = new ObjectRule(
        [
            ("series", Series),
            ("points", new ArrayRule(new ObjectRule(
                [("seriesKey", StringRule.NonEmpty), ("x", NumberRule.Any), ("y", NumberRule.Any)],
                required: ["seriesKey", "x", "y"], closed: true), minItems: 1)),
        ],
        required: ["series", "points"], closed: true);
}
