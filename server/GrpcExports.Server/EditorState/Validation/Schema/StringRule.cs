using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>"type": "string" with its "minLength", "enum" or "const", or a "format" of our own.</summary>
internal sealed class StringRule(int minLength = 0, IReadOnlyList<string>? oneOf = null, StringFormat? format = null) : SchemaRule
{
    public static readonly StringRule Any = new();
    public static readonly StringRule NonEmpty = new(minLength: 1);

    /// <summary>
    /// A colour the renderer draws. Indream's schema asks only for a string, but a document the server accepts must
    /// render, so a colour the renderer cannot read is refused when the document is saved, not when it is exported.
    /// </summary>
    public static readonly StringRule Color = new(format: new StringFormat(
        text => GrpcExports.Rendering.Timeline.Color.TryParse(text, out _), "a colour (#rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba() or transparent)"));

    public static StringRule Enum(params string[] values) => new(oneOf: values);

    public static StringRule Const(string value) => new(oneOf: [value]);

    public override string Expected => "a string";

    public override bool TakesTypeOf(Value value) => value.KindCase == Value.KindOneofCase.StringValue;

    public override void Check(Value value, ViolationLog log)
    {
        if (!TakesTypeOf(value))
        {
            WrongType(value, log, Expected);
            return;
        }
        var text = value.StringValue;
        if (text.Length < minLength)
        {
            log.Schema("minLength", $"{log.Path.Subject} must not be empty.");
        }
        if (oneOf is not null && !oneOf.Contains(text, StringComparer.Ordinal))
        {
            var keyword = oneOf.Count == 1 ? "const" : "enum";
            var allowed = oneOf.Count == 1 ? JsonValues.Quote(oneOf[0]) : "one of " + string.Join(", ", oneOf);
            log.Schema(keyword, $"{log.Path.Subject} must be {allowed}; it is {JsonValues.Quote(text)}.");
        }
        if (format is not null && !format.Accepts(text))
        {
            log.Schema("format", $"{log.Path.Subject} must be {format.Description}; it is {JsonValues.Quote(text)}.");
        }
    }
}

/// <summary>A "format" check: what a string must look like, and how to say so.</summary>
internal sealed record StringFormat(Func<string, bool> Accepts, string Description);
