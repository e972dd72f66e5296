using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Projects;

/// <summary>Editor states for project tests: the corpus's valid documents and a generated ~100 KB one.</summary>
internal static class ProjectDocuments
{
    public static IEnumerable<string> ValidCorpusNames() => Directory.GetFiles(RepoPaths.EditorStateCorpus, "editor-state.valid.*.json")
        .Concat(Directory.GetFiles(RepoPaths.EditorStateCorpus, "editor-state.valid.json"))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static string CorpusJson(string name) => File.ReadAllText(Path.Combine(RepoPaths.EditorStateCorpus, name));

    public static Struct Parse(string json) => JsonParser.Default.Parse<Struct>(json);

    public static string Format(Struct state) => JsonFormatter.Default.Format(state);

    /// <summary>A timeline of <paramref name="itemCount"/> image items on one track; item <paramref name="movedItem"/> starts at <paramref name="start"/>.</summary>
    public static string LargeState(int itemCount = 260, int movedItem = -1, long start = 0)
    {
        var json = new StringBuilder();
        json.Append("""{"compositionWidth":1920,"compositionHeight":1080,"timebaseTicksPerSecond":240000,"tracks":[{"id":"track-1","items":[""");
        json.AppendJoin(',', Enumerable.Range(0, itemCount).Select(i => $"\"item-{i}\""));
        json.Append("]}],\"assets\":{},\"items\":{");
        for (var i = 0; i < itemCount; i++)
        {
            var startTicks = i == movedItem ? start : i * 240_000L;
            json.Append(CultureInfo.InvariantCulture, $$$"""
                {{{(i > 0 ? "," : "")}}}"item-{{{i}}}":{"id":"item-{{{i}}}","type":"text","text":"Caption number {{{i}}} of the generated timeline","startTicks":{{{startTicks}}},"durationTicks":240000,"top":{"value":{{{i % 500}}},"keyframes":[{"timeTicks":0,"value":0.25},{"timeTicks":120000,"value":0.75}]},"left":{"value":{{{i * 3 % 1000}}},"keyframes":[]},"opacity":{"value":1,"keyframes":[]}}
                """);
        }
        json.Append("}}");
        return json.ToString();
    }
}
