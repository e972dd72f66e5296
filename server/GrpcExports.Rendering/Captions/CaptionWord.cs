using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Captions;

/// <summary>
/// A unit of a caption asset as it is laid out and highlighted: with word timing an entry (trimmed), with line timing
/// a word of an entry, sharing the entry's timing and starting a line when it is the entry's first.
/// </summary>
public sealed record CaptionWord(string Text, double StartMs, double EndMs, bool StartsLine)
{
    public static IReadOnlyList<CaptionWord> Of(TimelineAsset asset)
    {
        var words = new List<CaptionWord>();
        foreach (var entry in asset.Captions)
        {
            if (asset.WordTiming)
            {
                if (entry.Text.Trim() is { Length: > 0 } text)
                {
                    words.Add(new CaptionWord(text, entry.StartMs, entry.EndMs, StartsLine: false));
                }
                continue;
            }
            var parts = entry.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            words.AddRange(parts.Select((part, i) => new CaptionWord(part, entry.StartMs, entry.EndMs, StartsLine: i == 0)));
        }
        return words;
    }
}
