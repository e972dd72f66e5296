using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrpcExports.Server.EditorState.JsonPatch;

/// <summary>
/// The size in bytes of a JSON document written as compact UTF-8 (no whitespace, non-ASCII text unescaped): the
/// editor state's reported size. Counted while writing, nothing is kept.
/// </summary>
internal static class CompactJsonSize
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The size of an already parsed document, so a caller holding the tree does not parse the text again.</summary>
    public static long Of(JsonNode? document)
    {
        var counter = new ByteCounter();
        using (var writer = new Utf8JsonWriter(counter, WriterOptions))
        {
            if (document is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                document.WriteTo(writer);
            }
        }
        return counter.Count;
    }

    /// <summary>The size of JSON text (parsed into a read-only document, the cheapest parse there is).</summary>
    public static long Of(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        var counter = new ByteCounter();
        using (var writer = new Utf8JsonWriter(counter, WriterOptions))
        {
            document.WriteTo(writer);
        }
        return counter.Count;
    }

    /// <summary>A buffer writer that only counts: it hands out the same scratch buffer again and again.</summary>
    private sealed class ByteCounter : IBufferWriter<byte>
    {
        private byte[] _scratch = new byte[4096];

        public long Count { get; private set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

        private byte[] Scratch(int sizeHint)
        {
            if (sizeHint > _scratch.Length)
            {
                _scratch = new byte[sizeHint];
            }
            return _scratch;
        }
    }
}
