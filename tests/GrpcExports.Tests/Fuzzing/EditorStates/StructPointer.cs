using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Server.EditorState.JsonPatch;

namespace GrpcExports.Tests.Fuzzing.EditorStates;

/// <summary>Resolves RFC 6901 JSON Pointers inside a google.protobuf.Struct, the form in which the validator sees a document.</summary>
internal static class StructPointer
{
    /// <summary>Whether <paramref name="pointer"/> names a value of <paramref name="document"/>, or a missing member of one that exists.</summary>
    public static bool ExistsOrParentExists(Struct document, string pointer)
    {
        var tokens = JsonPointer.Parse(pointer);
        return Resolves(document, tokens) || (tokens.Count > 0 && Resolves(document, tokens.Take(tokens.Count - 1)));
    }

    private static bool Resolves(Struct document, IEnumerable<string> tokens)
    {
        var current = Value.ForStruct(document);
        foreach (var token in tokens)
        {
            switch (current.KindCase)
            {
                case Value.KindOneofCase.StructValue when current.StructValue.Fields.TryGetValue(token, out var member):
                    current = member;
                    break;
                case Value.KindOneofCase.ListValue when IsIndex(token, out var index) && index < current.ListValue.Values.Count:
                    current = current.ListValue.Values[index];
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    // RFC 6901: an array index is "0" or digits without a leading zero.
    private static bool IsIndex(string token, out int index)
    {
        index = -1;
        return token.Length > 0 && (token == "0" || token[0] != '0') && token.All(char.IsAsciiDigit)
            && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
