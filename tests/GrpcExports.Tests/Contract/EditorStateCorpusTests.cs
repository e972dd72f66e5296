using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.EditorState.Validation;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Contract;

/// <summary>
/// Every document of the Indream editor-state corpus goes into a request through Google.Protobuf's JsonParser and
/// comes back out of the server as the same JSON: same keys, same values, nothing dropped, integers still integers.
/// ValidateEditorState accepts every valid one and refuses every invalid one at the field it breaks.
/// </summary>
public sealed class EditorStateCorpusTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();

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

    public static TheoryData<string> ValidDocuments() => new(DocumentNames().Where(name => name.StartsWith("editor-state.valid.", StringComparison.Ordinal)));

    /// <summary>
    /// What each invalid corpus document breaks, read from the file (and, where it has one, from its valid twin): every
    /// violation reported, as "kind-or-keyword pointer".
    /// </summary>
    private static readonly Dictionary<string, string[]> BrokenFields = new()
    {
        // contentStartOffsetMs is -200; the schema's minimum is 0.
        ["editor-state.invalid.caption-offset.json"] = ["minimum /items/item-caption-1/contentStartOffsetMs"],
        // The caption entry has no "text".
        ["editor-state.invalid.caption.json"] = ["required /assets/asset-caption-1/captions/0/text"],
        // chartType "pie" but the data is line-chart rows: pie data has "slices" and nothing else.
        ["editor-state.invalid.chart.json"] = ["required /items/item-chart-1/data/slices", "additionalProperties /items/item-chart-1/data/rows"],
        // statusAtDeletion has a progress but no "type" saying which upload state it is.
        ["editor-state.invalid.deleted-asset.json"] = ["required /deletedAssets/0/statusAtDeletion/type"],
        ["editor-state.invalid.effect.json"] = ["enum /items/item-effect-1/effectType"],
        ["editor-state.invalid.filter.json"] = ["enum /items/item-filter-1/filterType"],
        // The image node has no "id".
        ["editor-state.invalid.text-template.json"] = ["required /items/item-template-1/nodes/0/id"],
        // An unknown transition type, joining item-1 to item-3 although item-2 lies between them.
        ["editor-state.invalid.transition.json"] = ["enum /transitions/transition-1/type", "TransitionNotAdjacent /transitions/transition-1/toClipId"],
    };

    public static TheoryData<string> InvalidDocuments() => new(DocumentNames().Where(name => name.StartsWith("editor-state.invalid.", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public async Task Accepts_every_valid_document_without_a_violation(string name)
    {
        var response = await ValidateAsync(name);

        Assert.Empty(response.Violations.Select(v => $"{v.Path}: {v.Message}"));
        Assert.True(response.Valid);
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task Refuses_every_invalid_document_at_the_field_it_breaks(string name)
    {
        Assert.True(BrokenFields.ContainsKey(name), $"{name} is new to the corpus: say here which field it breaks.");

        var response = await ValidateAsync(name);

        Assert.False(response.Valid);
        Assert.Equal(BrokenFields[name], response.Violations.Select(ViolationLines.Of));
        Assert.All(response.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Message)));
    }

    private async Task<ValidateEditorStateResponse> ValidateAsync(string name)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepoPaths.EditorStateCorpus, name));
        return await new ProjectServiceClient(_connection).ValidateEditorStateAsync(
            new ValidateEditorStateRequest { EditorState = JsonParser.Default.Parse<Struct>(json) });
    }

    [Fact]
    public async Task Refuses_to_store_numbers_json_cannot_hold_and_names_where_they_are()
    {
        var document = JsonParser.Default.Parse<Struct>("""{"tracks": [{"id": "t", "volume": 1}], "items": {"a/b~c": {"opacity": 1}}}""");
        document.Fields["tracks"].ListValue.Values[0].StructValue.Fields["volume"] = Value.ForNumber(double.NaN);
        document.Fields["items"].StructValue.Fields["a/b~c"].StructValue.Fields["opacity"] = Value.ForNumber(double.PositiveInfinity);

        var response = await new ProjectServiceClient(_connection).ValidateEditorStateAsync(new ValidateEditorStateRequest { EditorState = document });

        Assert.False(response.Valid);
        var unstorable = response.Violations.Where(v => v.Message.EndsWith("is not a JSON number.", StringComparison.Ordinal));
        Assert.Equal(["/items/a~1b~0c/opacity", "/tracks/0/volume"], unstorable.Select(v => v.Path).Order());
        Assert.Null(response.EditorState);
    }
}
