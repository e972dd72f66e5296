using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrpcExports.Server.EditorState.JsonPatch;

/// <summary>A patch as RFC 6902 JSON text (an array of operation objects), compact; numbers keep their text.</summary>
internal static class PatchJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<PatchOperation> operations)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var operation in operations)
            {
                writer.WriteStartObject();
                writer.WriteString("op", operation.Op);
                if (operation.From is not null)
                {
                    writer.WriteString("from", operation.From);
                }
                writer.WriteString("path", operation.Path);
                if (operation.Op is "add" or "replace" or "test")
                {
                    writer.WritePropertyName("value");
                    WriteValue(writer, operation.Value);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyList<PatchOperation> Read(string json) => Read(JsonNodes.Parse(json));

    public static IReadOnlyList<PatchOperation> Read(JsonNode? patch)
    {
        if (patch is not JsonArray array)
        {
            throw new JsonPatchException("A JSON Patch is an array of operations.");
        }
        return array.Select(ReadOperation).ToArray();
    }

    private static PatchOperation ReadOperation(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw new JsonPatchException("A JSON Patch operation is an object.");
        }
        var op = obj["op"]?.GetValue<string>() ?? throw new JsonPatchException("An operation needs 'op'.");
        var path = obj["path"]?.GetValue<string>() ?? throw new JsonPatchException("An operation needs 'path'.");
        obj.TryGetPropertyValue("value", out var value);
        return new PatchOperation(op, path, JsonNodes.Clone(value), obj["from"]?.GetValue<string>());
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
