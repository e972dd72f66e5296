using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.EditorState.Validation.Timeline;

/// <summary>A keyframe's timeTicks (local to its item) lies in [0, durationTicks): the schema checks 0, this the end.</summary>
internal static class KeyframeRange
{
    public static void Check(TimelineIndex timeline, ViolationLog log)
    {
        foreach (var (itemId, item) in timeline.Items)
        {
            if (TimelineIndex.Ticks(item, "durationTicks") is not { } duration)
            {
                continue;
            }
            foreach (var (property, value) in item.Fields)
            {
                if (value.KindCase != Value.KindOneofCase.StructValue
                    || !value.StructValue.Fields.TryGetValue("keyframes", out var keyframes)
                    || keyframes.KindCase != Value.KindOneofCase.ListValue)
                {
                    continue;
                }
                for (var index = 0; index < keyframes.ListValue.Values.Count; index++)
                {
                    var keyframe = keyframes.ListValue.Values[index];
                    if (keyframe.KindCase == Value.KindOneofCase.StructValue
                        && TimelineIndex.Ticks(keyframe.StructValue, "timeTicks") is { } time && time >= duration)
                    {
                        log.Timeline(ViolationKind.KeyframeOutOfRange, PointerPath.Of("items", itemId, property, "keyframes", index, "timeTicks"),
                            $"Keyframe {index} of {property} of {itemId} is at {EditorStateTicks.Describe(time)}, but the item lasts "
                            + $"{EditorStateTicks.Describe(duration)}; keyframe times lie in [0, durationTicks).");
                    }
                }
            }
        }
    }
}
