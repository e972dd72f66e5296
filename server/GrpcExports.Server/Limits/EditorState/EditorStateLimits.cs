using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.EditorState.Validation;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Limits.EditorState;

/// <summary>
/// Refuses an editor state over "Limits:EditorState" before the schema and timeline rules run, so an outsized document
/// costs one pass over its top-level collections instead of a full validation. Counts only what it can read; anything
/// malformed is left to the validator.
/// </summary>
internal sealed class EditorStateLimits(IOptions<LimitsOptions> options)
{
    public EditorStateLimitOptions Options => options.Value.EditorState;

    public void Check(Struct document, string field)
    {
        var limits = Options;
        var size = document.CalculateSize();
        if (size > limits.MaxBytes)
        {
            throw EditorStateLimitErrors.TooLarge(field, limits.MaxBytes, size);
        }
        CheckComposition(document, field, limits);
        if (List(document, "tracks") is { Count: var tracks } && tracks > limits.MaxTracks)
        {
            throw Exceeded(field, "/tracks", "tracks", limits.MaxTracks, tracks, $"{tracks} tracks; at most {limits.MaxTracks} are accepted.");
        }
        if (!document.Fields.TryGetValue("items", out var items) || items.KindCase != Value.KindOneofCase.StructValue)
        {
            return;
        }
        var count = items.StructValue.Fields.Count;
        if (count > limits.MaxItems)
        {
            throw Exceeded(field, "/items", "items", limits.MaxItems, count, $"{count} items; at most {limits.MaxItems} are accepted.");
        }
        var ticksPerSecond = Number(document, "timebaseTicksPerSecond") is > 0 and var rate ? rate : EditorStateTicks.PerSecond;
        var end = 0.0;
        string? last = null;
        foreach (var (itemId, value) in items.StructValue.Fields)
        {
            if (value.KindCase != Value.KindOneofCase.StructValue)
            {
                continue;
            }
            var item = value.StructValue;
            CheckKeyframes(item, itemId, field, limits);
            if ((Number(item, "startTicks") ?? 0) + (Number(item, "durationTicks") ?? 0) is var itemEnd && itemEnd > end)
            {
                (end, last) = (itemEnd, itemId);
            }
        }
        var seconds = end / ticksPerSecond;
        if (seconds > limits.MaxDurationSeconds)
        {
            throw Exceeded(field, PointerPath.Of("items", last!, "durationTicks"), "durationSeconds", limits.MaxDurationSeconds, seconds,
                $"the timeline ends at {EditorStateLimitErrors.Number(seconds)} s; at most {EditorStateLimitErrors.Number(limits.MaxDurationSeconds)} s are accepted.");
        }
    }

    private static void CheckComposition(Struct document, string field, EditorStateLimitOptions limits)
    {
        var width = Number(document, "compositionWidth") ?? 0;
        var height = Number(document, "compositionHeight") ?? 0;
        var (longName, longSide, shortName, shortSide) = width >= height
            ? ("compositionWidth", width, "compositionHeight", height)
            : ("compositionHeight", height, "compositionWidth", width);
        if (longSide > limits.MaxCompositionLongSide)
        {
            throw Exceeded(field, "/" + longName, "compositionLongSide", limits.MaxCompositionLongSide, longSide,
                $"{longName} is {EditorStateLimitErrors.Number(longSide)}; the longer side is at most {limits.MaxCompositionLongSide} pixels.");
        }
        if (shortSide > limits.MaxCompositionShortSide)
        {
            throw Exceeded(field, "/" + shortName, "compositionShortSide", limits.MaxCompositionShortSide, shortSide,
                $"{shortName} is {EditorStateLimitErrors.Number(shortSide)}; the shorter side is at most {limits.MaxCompositionShortSide} pixels.");
        }
    }

    private static void CheckKeyframes(Struct item, string itemId, string field, EditorStateLimitOptions limits)
    {
        var keyframes = 0;
        var (busiest, most) = ("", 0);
        foreach (var (property, value) in item.Fields)
        {
            if (value.KindCase == Value.KindOneofCase.StructValue && List(value.StructValue, "keyframes") is { Count: > 0 and var count })
            {
                keyframes += count;
                if (count > most)
                {
                    (busiest, most) = (property, count);
                }
            }
        }
        if (keyframes > limits.MaxKeyframesPerItem)
        {
            throw Exceeded(field, PointerPath.Of("items", itemId, busiest, "keyframes"), "keyframesPerItem", limits.MaxKeyframesPerItem, keyframes,
                $"item {itemId} has {keyframes} keyframes; at most {limits.MaxKeyframesPerItem} per item are accepted.");
        }
    }

    private static Google.Protobuf.Collections.RepeatedField<Value>? List(Struct value, string name) =>
        value.Fields.TryGetValue(name, out var list) && list.KindCase == Value.KindOneofCase.ListValue ? list.ListValue.Values : null;

    private static double? Number(Struct value, string name) =>
        value.Fields.TryGetValue(name, out var number) && number.KindCase == Value.KindOneofCase.NumberValue && double.IsFinite(number.NumberValue)
            ? number.NumberValue
            : null;

    private static RpcException Exceeded(string field, string pointer, string limit, double maximum, double actual, string description) =>
        EditorStateLimitErrors.Exceeded(field, pointer, limit, EditorStateLimitErrors.Number(maximum), EditorStateLimitErrors.Number(actual), description);
}
