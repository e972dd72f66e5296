using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>Values of a Struct as a person reads them in a message.</summary>
internal static class JsonValues
{
    public static string Describe(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.NullValue => "null",
        Value.KindOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        Value.KindOneofCase.NumberValue => Number(value.NumberValue),
        Value.KindOneofCase.StringValue => Quote(value.StringValue),
        Value.KindOneofCase.StructValue => "an object",
        Value.KindOneofCase.ListValue => "an array",
        _ => "nothing",
    };

    public static string Number(double number) => number.ToString("R", CultureInfo.InvariantCulture);

    public static string Quote(string text) => "\"" + (text.Length <= 60 ? text : text[..60] + "...") + "\"";

    public static bool IsInteger(double number) => double.IsFinite(number) && Math.Floor(number) == number;
}
