using System.Text;
using GrpcExports.Server.EditorState.JsonPatch;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.EditorState;

/// <summary>
/// The editor state's reported size: its bytes as compact UTF-8 JSON, the same whether counted from the text or from
/// the tree a sync has already parsed.
/// </summary>
public sealed class CompactJsonSizeTests
{
    [Fact]
    public void TheSizeIsTheCompactUtf8TextsLength()
    {
        const string spacious = """
            { "a" : [ 1, 2.50, -0.0, 1e3 ],
              "é€" : "x\"y\u00e9",
              "nothing": null }
            """;
        const string compact = """{"a":[1,2.50,-0.0,1e3],"é€":"x\"yé","nothing":null}""";

        Assert.Equal(Encoding.UTF8.GetByteCount(compact), CompactJsonSize.Of(spacious));
        Assert.Equal(Encoding.UTF8.GetByteCount(compact), CompactJsonSize.Of(JsonNodes.Parse(spacious)));
    }

    [Fact]
    public void TextAndParsedTreeGiveTheSameSizeForEveryCorpusDocumentAndALargeOne()
    {
        var documents = ValidCorpusNames().Select(CorpusJson).Append(LargeState()).Append(Format(Parse(LargeState(30, 3, 7)))).ToList();

        Assert.NotEmpty(documents);
        Assert.All(documents, json => Assert.Equal(CompactJsonSize.Of(json), CompactJsonSize.Of(JsonNodes.Parse(json))));
    }

    [Fact]
    public void ATreeLargerThanTheScratchBufferIsCountedWhole()
    {
        var longText = new string('x', 20_000);
        var json = $$"""{"text": "{{longText}}"}""";

        Assert.Equal(20_000 + """{"text":""}""".Length, CompactJsonSize.Of(JsonNodes.Parse(json)));
    }
}
