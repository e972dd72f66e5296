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

    /// <summary>
    /// A valid timeline of <paramref name="itemCount"/> back-to-back text items on one track; item
    /// <paramref name="movedItem"/>, when there is one, sits alone on a second track starting at <paramref name="start"/>.
    /// </summary>
    public static string LargeState(int itemCount = 140, int movedItem = -1, long start = 0)
    {
        var json = new StringBuilder();
        json.Append("""{"compositionWidth":1920,"compositionHeight":1080,"timebaseTicksPerSecond":240000,"tracks":[""");
        json.Append(Track("track-1", Enumerable.Range(0, itemCount).Where(i => i != movedItem)));
        if (movedItem >= 0)
        {
            json.Append(',').Append(Track("track-2", [movedItem]));
        }
        json.Append("],\"assets\":{},\"items\":{");
        for (var i = 0; i < itemCount; i++)
        {
            var startTicks = i == movedItem ? start : i * 240_000L;
            json.Append(CultureInfo.InvariantCulture, $$$"""
                {{{(i > 0 ? "," : "")}}}"item-{{{i}}}":{"id":"item-{{{i}}}","type":"text","text":"Caption number {{{i}}} of the generated timeline","startTicks":{{{startTicks}}},"durationTicks":240000,"isDraggingInTimeline":false,"top":{"value":{{{i % 500}}},"keyframes":[{"timeTicks":0,"value":0.25},{"timeTicks":120000,"value":0.75}]},"left":{"value":{{{i * 3 % 1000}}},"keyframes":[]},"width":{"value":800,"keyframes":[]},"height":{"value":120,"keyframes":[]},"scaleX":{"value":1,"keyframes":[]},"scaleY":{"value":1,"keyframes":[]},"opacity":{"value":1,"keyframes":[]},"color":"#ffffff","align":"center","fontFamily":"DejaVu Sans","fontStyle":{"variant":"normal","weight":"400"},"fontSize":48,"lineHeight":1.2,"letterSpacing":0,"resizeOnEdit":false,"direction":"ltr","strokeWidth":0,"strokeColor":"#000000"}
                """);
        }
        json.Append("},\"transitions\":{}}");
        return json.ToString();
    }

    private static string Track(string id, IEnumerable<int> items) =>
        $$"""{"id":"{{id}}","items":[{{string.Join(',', items.Select(i => $"\"item-{i}\""))}}],"hidden":false,"muted":false}""";
}
