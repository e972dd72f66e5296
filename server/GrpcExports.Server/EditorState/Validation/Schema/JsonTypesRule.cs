using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>A value of any of some JSON types, unconstrained otherwise ("primitive": a string, number or boolean).</summary>
internal sealed class JsonTypesRule(string expected, params Value.KindOneofCase[] kinds) : SchemaRule
{
    public static readonly JsonTypesRule Primitive = new("a string, a number or a boolean",
        Value.KindOneofCase.StringValue, Value.KindOneofCase.NumberValue, Value.KindOneofCase.BoolValue);

    public override string Expected => expected;

    public override bool TakesTypeOf(Value value) => kinds.Contains(value.KindCase);

    public override void Check(Value value, ViolationLog log)
    {
        if (!TakesTypeOf(value))
        {
            WrongType(value, log, Expected);
        }
    }
}
