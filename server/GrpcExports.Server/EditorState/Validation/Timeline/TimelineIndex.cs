using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Timeline;

/// <summary>
/// The parts of a document the timeline rules look at, read once: items and transitions by key, the tracks' item
/// lists, the asset keys. Values of the wrong JSON type are left out (the schema rules report them).
/// </summary>
internal sealed class TimelineIndex
{
    private TimelineIndex(Dictionary<string, Struct> items, Dictionary<string, Struct> transitions, Dictionary<string, Struct> assets,
        List<TrackListing> tracks)
    {
        Items = items;
        Transitions = transitions;
        Assets = assets;
        Tracks = tracks;
    }

    public IReadOnlyDictionary<string, Struct> Items { get; }

    public IReadOnlyDictionary<string, Struct> Transitions { get; }

    public IReadOnlyDictionary<string, Struct> Assets { get; }

    public IReadOnlyList<TrackListing> Tracks { get; }

    public static TimelineIndex Read(Struct document) => new(
        Objects(document, "items"), Objects(document, "transitions"), Objects(document, "assets"), Listings(document));

    /// <summary>The item's integer property (startTicks, durationTicks), or null when it is missing or not an integer.</summary>
    public static long? Ticks(Struct item, string name) =>
        item.Fields.TryGetValue(name, out var value) && value.KindCase == Value.KindOneofCase.NumberValue
            && Schema.JsonValues.IsInteger(value.NumberValue)
            ? (long)value.NumberValue
            : null;

    public static string? Text(Struct value, string name) =>
        value.Fields.TryGetValue(name, out var field) && field.KindCase == Value.KindOneofCase.StringValue ? field.StringValue : null;

    /// <summary>The item's start and end in ticks, when both are integers.</summary>
    public static (long Start, long End)? Span(Struct item) =>
        Ticks(item, "startTicks") is { } start && Ticks(item, "durationTicks") is { } duration ? (start, start + duration) : null;

    private static Dictionary<string, Struct> Objects(Struct document, string name)
    {
        var objects = new Dictionary<string, Struct>(StringComparer.Ordinal);
        if (document.Fields.TryGetValue(name, out var map) && map.KindCase == Value.KindOneofCase.StructValue)
        {
            foreach (var (key, value) in map.StructValue.Fields)
            {
                if (value.KindCase == Value.KindOneofCase.StructValue)
                {
                    objects[key] = value.StructValue;
                }
            }
        }
        return objects;
    }

    private static List<TrackListing> Listings(Struct document)
    {
        var listings = new List<TrackListing>();
        if (!document.Fields.TryGetValue("tracks", out var tracks) || tracks.KindCase != Value.KindOneofCase.ListValue)
        {
            return listings;
        }
        for (var index = 0; index < tracks.ListValue.Values.Count; index++)
        {
            if (tracks.ListValue.Values[index].KindCase != Value.KindOneofCase.StructValue)
            {
                continue;
            }
            var track = tracks.ListValue.Values[index].StructValue;
            var itemIds = new List<(int Position, string ItemId)>();
            if (track.Fields.TryGetValue("items", out var items) && items.KindCase == Value.KindOneofCase.ListValue)
            {
                for (var position = 0; position < items.ListValue.Values.Count; position++)
                {
                    if (items.ListValue.Values[position].KindCase == Value.KindOneofCase.StringValue)
                    {
                        itemIds.Add((position, items.ListValue.Values[position].StringValue));
                    }
                }
            }
            listings.Add(new TrackListing(index, Text(track, "id"), itemIds));
        }
        return listings;
    }
}

/// <summary>Track number <paramref name="Index"/> of "tracks": its id and the item ids it lists, with their positions.</summary>
internal sealed record TrackListing(int Index, string? Id, IReadOnlyList<(int Position, string ItemId)> ItemIds)
{
    public string Name => Id ?? $"track {Index}";

    public string ItemPointer(int position) => PointerPath.Of("tracks", Index, "items", position);
}
