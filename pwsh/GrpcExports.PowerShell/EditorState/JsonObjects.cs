using System.Collections;
using System.Management.Automation;
using System.Text.Json;

namespace GrpcExports.PowerShell.EditorState;

/// <summary>
/// Turns JSON into the objects ConvertFrom-Json would give (PSCustomObject, object[], long/double, string, bool) and
/// PowerShell objects (hashtables, PSCustomObjects, arrays, scalars) back into JSON, as the editor state travels.
/// </summary>
internal static class JsonObjects
{
    public static object? ToPSObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromElement(document.RootElement);
    }

    /// <summary>The JSON text of <paramref name="value"/>; throws ArgumentException for what JSON cannot hold.</summary>
    public static string ToJson(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, depth: 0);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => FromObject(element),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static PSObject FromObject(JsonElement element)
    {
        var result = new PSObject();
        foreach (var property in element.EnumerateObject())
        {
            result.Properties.Add(new PSNoteProperty(property.Name, FromElement(property.Value)));
        }
        return result;
    }

    // Deep enough for any real timeline, shallow enough to stop a self-referencing object.
    private const int MaxDepth = 128;

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"The object nests deeper than {MaxDepth} levels.");
        }
        if (value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject)
        {
            value = wrapped.BaseObject;
        }
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case char character:
                writer.WriteStringValue(character.ToString());
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong or float or double or decimal:
                WriteNumber(writer, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                    Write(writer, entry.Value, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case PSObject custom:
                writer.WriteStartObject();
                foreach (var property in custom.Properties)
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item, depth + 1);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A {value.GetType().FullName} has no JSON form; use hashtables, PSCustomObjects, arrays, strings, numbers and booleans.");
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentException($"JSON has no number {number}.");
        }
        writer.WriteNumberValue(number);
    }
}
