using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>"type": [..., "null"] or "oneOf": [{"type": "null"}, ...]: null, or a value the inner rule accepts.</summary>
internal sealed class NullableRule(SchemaRule inner) : SchemaRule
{
    public override string Expected => inner.Expected + " or null";

    public override bool TakesTypeOf(Value value) => value.KindCase == Value.KindOneofCase.NullValue || inner.TakesTypeOf(value);

    public override void Check(Value value, ViolationLog log)
    {
        if (value.KindCase == Value.KindOneofCase.NullValue)
        {
            return;
        }
        if (!inner.TakesTypeOf(value))
        {
            WrongType(value, log, Expected);
            return;
        }
        inner.Check(value, log);
    }
}
