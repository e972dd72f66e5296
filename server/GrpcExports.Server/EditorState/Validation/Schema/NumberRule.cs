using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>"type": "number" or "integer" with its "minimum", "maximum", "const" or "enum".</summary>
internal sealed class NumberRule(bool integer, double? minimum = null, double? maximum = null, IReadOnlyList<double>? oneOf = null) : SchemaRule
{
    public static readonly NumberRule Any = new(integer: false);
    public static readonly NumberRule AnyInteger = new(integer: true);
    public static readonly NumberRule NonNegative = new(integer: false, minimum: 0);
    public static readonly NumberRule NonNegativeInteger = new(integer: true, minimum: 0);
    public static readonly NumberRule PositiveInteger = new(integer: true, minimum: 1);

    public static NumberRule AtLeast(double minimum) => new(integer: false, minimum);

    public override string Expected => integer ? "an integer" : "a number";

    public override bool TakesTypeOf(Value value) => value.KindCase == Value.KindOneofCase.NumberValue;

    public override void Check(Value value, ViolationLog log)
    {
        if (!TakesTypeOf(value))
        {
            WrongType(value, log, Expected);
            return;
        }
        var number = value.NumberValue;
        if (!double.IsFinite(number))
        {
            return; // UnwritableValues reports it, wherever it is.
        }
        if (integer && !JsonValues.IsInteger(number))
        {
            WrongType(value, log, Expected);
        }
        if (number < minimum)
        {
            log.Schema("minimum", $"{log.Path.Subject} must be at least {JsonValues.Number(minimum.Value)}; it is {JsonValues.Number(number)}.");
        }
        if (number > maximum)
        {
            log.Schema("maximum", $"{log.Path.Subject} must be at most {JsonValues.Number(maximum.Value)}; it is {JsonValues.Number(number)}.");
        }
        if (oneOf is not null && !oneOf.Contains(number))
        {
            var keyword = oneOf.Count == 1 ? "const" : "enum";
            var allowed = oneOf.Count == 1 ? JsonValues.Number(oneOf[0]) : "one of " + string.Join(", ", oneOf.Select(JsonValues.Number));
            log.Schema(keyword, $"{log.Path.Subject} must be {allowed}; it is {JsonValues.Number(number)}.");
        }
    }
}
