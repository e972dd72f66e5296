using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState;

/// <summary>
/// The editor state's stored form: the document's JSON text, written from the Struct the editor sent and read back
/// into one, so that what comes out is what went in (keys, values, unknown fields and all).
/// </summary>
internal static class EditorStateJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static string Write(Struct document) => Formatter.Format(document);

    public static Struct Read(string json) => JsonParser.Default.Parse<Struct>(json);
}
