using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.EditorState;

/// <summary>
/// Finds numbers JSON cannot hold (NaN, ±Infinity). A Struct sent in binary can carry them, but the editor's JSON
/// document cannot, so such a document could never be stored or given back.
/// </summary>
internal static class NonFiniteNumbers
{
    public static IEnumerable<EditorStateViolation> Find(Struct document) => InStruct(document, string.Empty);

    private static IEnumerable<EditorStateViolation> InStruct(Struct value, string path) =>
        value.Fields.SelectMany(field => InValue(field.Value, path + "/" + EscapePointerToken(field.Key)));

    private static IEnumerable<EditorStateViolation> InValue(Value value, string path) => value.KindCase switch
    {
        Value.KindOneofCase.NumberValue when !double.IsFinite(value.NumberValue) => [Violation(path, value.NumberValue)],
        Value.KindOneofCase.StructValue => InStruct(value.StructValue, path),
        Value.KindOneofCase.ListValue => value.ListValue.Values.SelectMany((element, index) => InValue(element, $"{path}/{index}")),
        _ => [],
    };

    private static EditorStateViolation Violation(string path, double number) => new()
    {
        Path = path,
        Kind = ViolationKind.Schema,
        SchemaKeyword = "type",
        Severity = ViolationSeverity.Error,
        Message = $"{number} is not a JSON number.",
    };

    /// <summary>RFC 6901: '~' becomes "~0" and '/' becomes "~1".</summary>
    private static string EscapePointerToken(string key) => key.Replace("~", "~0").Replace("/", "~1");
}
