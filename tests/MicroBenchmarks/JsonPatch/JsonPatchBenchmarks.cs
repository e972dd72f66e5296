using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Benchmarks.Store;
using GrpcExports.Server.EditorState.JsonPatch;

namespace MicroBenchmarks.JsonPatch;

/// <summary>
/// The project store's JSON patches on an autosave of a 300-item editor state (about 100 KB; one item moved), against
/// keeping a full copy of the state, as the naive design does. Write: <see cref="JsonDiff"/> and the patch's JSON
/// (what a sync stores) against the whole state's JSON. Read: <see cref="JsonPatchApply"/> (a copy of the previous
/// state with the patch applied, what a history read does per event) against the plain copy.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonPatchBenchmarks
{
    private const int Items = 300;

    private JsonNode? _previous, _next;
    private IReadOnlyList<PatchOperation> _patch = [];

    [GlobalSetup]
    public void SetUp()
    {
        var states = new EditorStates(Items);
        (_previous, _next) = (JsonNodes.Parse(states.At(0)), JsonNodes.Parse(states.At(1)));
        _patch = JsonDiff.Diff(_previous, _next);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("write")]
    public string WriteFullState() => _next!.ToJsonString();

    [Benchmark, BenchmarkCategory("write")]
    public string WriteDiffPatch() => PatchJson.Write(JsonDiff.Diff(_previous, _next));

    [Benchmark(Baseline = true), BenchmarkCategory("apply")]
    public JsonNode? CopyFullState() => JsonNodes.Clone(_next);

    [Benchmark, BenchmarkCategory("apply")]
    public JsonNode? ApplyPatch() => JsonPatchApply.Apply(_previous, _patch);
}
