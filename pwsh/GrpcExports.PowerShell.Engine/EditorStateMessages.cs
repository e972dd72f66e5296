using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.PowerShell.Engine;

/// <summary>The editor state between its JSON text (what the cmdlets handle) and google.protobuf.Struct (what travels).</summary>
internal static class EditorStateMessages
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <summary>The document as a Struct; ArgumentException when protobuf cannot hold it (nested past its recursion limit).</summary>
    public static Struct FromJson(string json)
    {
        try
        {
            return Parser.Parse<Struct>(json);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new ArgumentException($"The editor state cannot be sent: {error.Message}", error);
        }
    }

    public static string? ToJson(Struct? editorState) => editorState is null ? null : JsonFormatter.Default.Format(editorState);
}
