using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Contract;

/// <summary>
/// Every document of the Indream editor-state corpus goes into a request through Google.Protobuf's JsonParser and
/// comes back out of the server as the same JSON: same keys, same values, nothing dropped, integers still integers.
/// </summary>
public sealed class EditorStateCorpusTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = new(server.Address);

    public void Dispose() => _connection.Dispose();

    /// <summary>The corpus's editor-state documents by file name (the schema file beside them is not one).</summary>
    public static IEnumerable<string> DocumentNames() => Directory.GetFiles(RepoPaths.EditorStateCorpus, "editor-state.*.json")
        .Select(Path.GetFileName)
        .OfType<string>()
        .Where(name => name.StartsWith("editor-state.valid.", StringComparison.Ordinal) || name.StartsWith("editor-state.invalid.", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal);

    public static TheoryData<string> CorpusDocuments() => new(DocumentNames());

    [Fact]
    public void The_corpus_holds_valid_and_invalid_documents()
    {
        var names = DocumentNames().ToList();

        Assert.Contains(names, n => n.StartsWith("editor-state.valid.", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("editor-state.invalid.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CorpusDocuments))]
    public async Task Gives_the_document_back_unchanged(string name)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepoPaths.EditorStateCorpus, name));
        var request = new ValidateEditorStateRequest { EditorState = JsonParser.Default.Parse<Struct>(json) };

        var response = await new ProjectServiceClient(_connection).ValidateEditorStateAsync(request);

        Assert.NotNull(response.EditorState);
        var returned = JsonFormatter.Default.Format(response.EditorState);
        Assert.Null(JsonEquivalence.FindDifference(json, returned));
    }

    [Fact]
    public async Task Refuses_to_store_numbers_json_cannot_hold_and_names_where_they_are()
    {
        var document = JsonParser.Default.Parse<Struct>("""{"tracks": [{"id": "t", "volume": 1}], "items": {"a/b~c": {"opacity": 1}}}""");
        document.Fields["tracks"].ListValue.Values[0].StructValue.Fields["volume"] = Value.ForNumber(double.NaN);
        document.Fields["items"].StructValue.Fields["a/b~c"].StructValue.Fields["opacity"] = Value.ForNumber(double.PositiveInfinity);

        var response = await new ProjectServiceClient(_connection).ValidateEditorStateAsync(new ValidateEditorStateRequest { EditorState = document });

        Assert.False(response.Valid);
        Assert.Equal(["/items/a~1b~0c/opacity", "/tracks/0/volume"], response.Violations.Select(v => v.Path).Order());
        Assert.Null(response.EditorState);
    }
}
