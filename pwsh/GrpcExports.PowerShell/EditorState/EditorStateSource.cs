using System.Management.Automation;

namespace GrpcExports.PowerShell.EditorState;

/// <summary>
/// The three ways a cmdlet takes an editor state: an object (hashtable, PSCustomObject, a GxProject's EditorState),
/// a JSON string, or a file. Each becomes the JSON text the engine sends.
/// </summary>
internal static class EditorStateSource
{
    public const string ObjectParameterSet = "EditorState";
    public const string PathParameterSet = "Path";

    /// <summary>The JSON of -EditorState: a string is taken as JSON text, anything else is converted.</summary>
    public static string FromObject(object value)
    {
        var json = value is string or PSObject { BaseObject: string } ? value.ToString()! : JsonObjects.ToJson(value);
        return RequireJsonObject(json, "-EditorState");
    }

    /// <summary>The JSON text of the file at <paramref name="resolvedPath"/>.</summary>
    public static string FromFile(string resolvedPath) =>
        RequireJsonObject(File.ReadAllText(resolvedPath), resolvedPath);

    private static string RequireJsonObject(string json, string origin)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                throw new ArgumentException($"The editor state from {origin} must be a JSON object, not {document.RootElement.ValueKind}.");
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArgumentException($"The editor state from {origin} is not valid JSON: {e.Message}", e);
        }
        return json;
    }
}
