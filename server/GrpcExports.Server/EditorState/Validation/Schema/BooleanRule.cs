using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>"type": "boolean".</summary>
internal sealed class BooleanRule : SchemaRule
{
    public static readonly BooleanRule Instance = new();

    public override string Expected => "true or false";

    public override bool TakesTypeOf(Value value) => value.KindCase == Value.KindOneofCase.BoolValue;

    public override void Check(Value value, ViolationLog log)
    {
        if (!TakesTypeOf(value))
        {
            WrongType(value, log, Expected);
        }
    }
}
