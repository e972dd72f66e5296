using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>
/// A "oneOf" of object shapes told apart by the constant of one property (<paramref name="discriminator"/>, usually
/// "type"): the shape it names is checked, and a missing or unknown name is reported at that property.
/// </summary>
internal sealed class UnionRule(string discriminator, IReadOnlyList<(string Name, SchemaRule Shape)> shapes) : SchemaRule
{
    private readonly Dictionary<string, SchemaRule> _shapes = shapes.ToDictionary(shape => shape.Name, shape => shape.Shape, StringComparer.Ordinal);

    public override string Expected => "an object";

    public override bool TakesTypeOf(Value value) => value.KindCase == Value.KindOneofCase.StructValue;

    public override void Check(Value value, ViolationLog log)
    {
        if (!TakesTypeOf(value))
        {
            WrongType(value, log, Expected);
            return;
        }
        var names = string.Join(", ", shapes.Select(shape => shape.Name));
        if (!value.StructValue.Fields.TryGetValue(discriminator, out var tag))
        {
            log.Schema("required", $"{log.Path.Subject} is missing its required property {discriminator} (one of {names}).", discriminator);
            return;
        }
        if (tag.KindCase != Value.KindOneofCase.StringValue || !_shapes.TryGetValue(tag.StringValue, out var shape))
        {
            log.Schema(tag.KindCase == Value.KindOneofCase.StringValue ? "enum" : "type",
                $"{discriminator} must be one of {names}; it is {JsonValues.Describe(tag)}.", discriminator);
            return;
        }
        shape.Check(value, log);
    }
}
