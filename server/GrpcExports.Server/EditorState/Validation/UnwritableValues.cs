using Google.Protobuf.WellKnownTypes;
using GrpcExports.Server.EditorState.Validation.Schema;

namespace GrpcExports.Server.EditorState.Validation;

/// <summary>
/// Finds values JSON cannot hold anywhere in the document, unknown properties included: numbers that are NaN or
/// ±Infinity, and values with no kind set at all. A Struct sent in binary can carry them, but the editor's JSON
/// document cannot, so such a document could never be stored or given back.
/// </summary>
internal static class UnwritableValues
{
    /// <summary>Reports each one at its path; true when there was none.</summary>
    public static bool Check(Struct document, ViolationLog log)
    {
        var before = log.Violations.Count;
        InStruct(document, log);
        return log.Violations.Count == before;
    }

    private static void InStruct(Struct value, ViolationLog log)
    {
        foreach (var (name, field) in value.Fields)
        {
            if (MayBeUnwritable(field))
            {
                log.Path.Push(name);
                InValue(field, log);
                log.Path.Pop();
            }
        }
    }

    private static void InValue(Value value, ViolationLog log)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.NumberValue when !double.IsFinite(value.NumberValue):
                log.Schema("type", $"{JsonValues.Number(value.NumberValue)} is not a JSON number.");
                break;
            case Value.KindOneofCase.None:
                log.Schema("type", "A google.protobuf.Value with no kind set is not a JSON value.");
                break;
            case Value.KindOneofCase.StructValue:
                InStruct(value.StructValue, log);
                break;
            case Value.KindOneofCase.ListValue:
                var entries = value.ListValue.Values;
                for (var index = 0; index < entries.Count; index++)
                {
                    if (MayBeUnwritable(entries[index]))
                    {
                        log.Path.Push(index);
                        InValue(entries[index], log);
                        log.Path.Pop();
                    }
                }
                break;
        }
    }

    private static bool MayBeUnwritable(Value value) => value.KindCase is Value.KindOneofCase.NumberValue or Value.KindOneofCase.None
        or Value.KindOneofCase.StructValue or Value.KindOneofCase.ListValue;
}
