using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>"type": "array" whose every entry passes <paramref name="items"/>, with at least <paramref name="minItems"/> entries.</summary>
internal sealed class ArrayRule(SchemaRule items, int minItems = 0) : SchemaRule
{
    public override string Expected => "an array";

    public override bool TakesTypeOf(Value value) => value.KindCase == Value.KindOneofCase.ListValue;

    public override void Check(Value value, ViolationLog log)
    {
        if (!TakesTypeOf(value))
        {
            WrongType(value, log, Expected);
            return;
        }
        var entries = value.ListValue.Values;
        if (entries.Count < minItems)
        {
            log.Schema("minItems", $"{log.Path.Subject} must have at least {minItems} {(minItems == 1 ? "entry" : "entries")}; it has {entries.Count}.");
        }
        for (var index = 0; index < entries.Count; index++)
        {
            log.Path.Push(index);
            items.Check(entries[index], log);
            log.Path.Pop();
        }
    }
}
