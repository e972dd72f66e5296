using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.PowerShell.Engine;

/// <summary>The editor state between its JSON text (what the cmdlets handle) and google.protobuf.Struct (what travels).</summary>
internal static class EditorStateMessages
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static Struct FromJson(string json) => Parser.Parse<Struct>(json);

    public static string? ToJson(Struct? editorState) => editorState is null ? null : JsonFormatter.Default.Format(editorState);
}
