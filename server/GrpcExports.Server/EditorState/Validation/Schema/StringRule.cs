using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>"type": "string" with its "minLength", "enum" or "const".</summary>
internal sealed class StringRule(int minLength = 0, IReadOnlyList<string>? oneOf = null) : SchemaRule
{
    public static readonly StringRule Any = new();
    public static readonly StringRule NonEmpty = new(minLength: 1);

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
    }
}
