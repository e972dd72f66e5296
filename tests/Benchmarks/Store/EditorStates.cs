using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Benchmarks.Store;

/// <summary>
/// Editor states as an autosaving editor sends them, valid for SyncProject: a timeline of text items (one per track,
/// every schema field set), each with keyframes.
/// Step N differs from step N - 1 by one edit to item (N - 1) mod count: in even rounds over the items it moves, in
/// odd rounds one of its keyframes changes value.
/// </summary>
public sealed class EditorStates(int itemCount)
{
    /// <summary>Step <paramref name="step"/>'s state as the message SyncProject carries.</summary>
    public Struct MessageAt(int step) => JsonParser.Default.Parse<Struct>(At(step));

    public string At(int step)
    {
        var json = new StringBuilder(itemCount * 800);
        json.Append("""{"compositionWidth":1920,"compositionHeight":1080,"timebaseTicksPerSecond":240000,"tracks":[""");
        json.AppendJoin(',', Enumerable.Range(0, itemCount).Select(i => $$"""{"id":"track-{{i}}","items":["item-{{i}}"],"hidden":false,"muted":false}"""));
        json.Append("],\"assets\":{},\"items\":{");
        for (var i = 0; i < itemCount; i++)
        {
            var edits = step / itemCount + (i < step % itemCount ? 1 : 0);
            var (moves, keyframeChanges) = ((edits + 1) / 2, edits / 2);
            json.Append(CultureInfo.InvariantCulture, $$$"""
                {{{(i > 0 ? "," : "")}}}"item-{{{i}}}":{"id":"item-{{{i}}}","type":"text","text":"Caption number {{{i}}} of the benchmark timeline","startTicks":{{{i * 240_000L + moves * 2_400L}}},"durationTicks":240000,"isDraggingInTimeline":false,"top":{"value":{{{i % 500}}},"keyframes":[{"timeTicks":0,"value":0.25},{"timeTicks":120000,"value":{{{0.75 + keyframeChanges * 0.001}}}}]},"left":{"value":{{{i * 3 % 1000}}},"keyframes":[]},"width":{"value":800,"keyframes":[]},"height":{"value":120,"keyframes":[]},"scaleX":{"value":1,"keyframes":[]},"scaleY":{"value":1,"keyframes":[]},"opacity":{"value":1,"keyframes":[]},"color":"#ffffff","align":"center","fontFamily":"DejaVu Sans","fontStyle":{"variant":"normal","weight":"400"},"fontSize":48,"lineHeight":1.2,"letterSpacing":0,"resizeOnEdit":false,"direction":"ltr","strokeWidth":0,"strokeColor":"#000000"}
                """);
        }
        json.Append("},\"transitions\":{}}");
        return json.ToString();
    }
}
