using Google.Protobuf.WellKnownTypes;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Server.EditorState.Validation.Timeline;

/// <summary>
/// The schema leaves a transition's <c>params</c> open, but <c>params.direction</c> must be one the transition type has:
/// any of the eight for slide and wipe, a side for flip, none for fade, clock-wipe and iris. Reported as an
/// <c>enum</c> violation at the value, listing the allowed ones.
/// </summary>
internal static class TransitionDirectionValues
{
    public static void Check(TimelineIndex timeline, ViolationLog log)
    {
        foreach (var (transitionId, transition) in timeline.Transitions)
        {
            if (TimelineIndex.Text(transition, "type") is not { } type
                || !transition.Fields.TryGetValue("params", out var parameters)
                || parameters.KindCase != Value.KindOneofCase.StructValue
                || !parameters.StructValue.Fields.TryGetValue("direction", out var direction))
            {
                continue;
            }
            var allowed = TransitionDirections.NamesFor(type);
            if (direction.KindCase == Value.KindOneofCase.StringValue && allowed.Contains(direction.StringValue))
            {
                continue;
            }
            var given = direction.KindCase == Value.KindOneofCase.StringValue ? $"'{direction.StringValue}'" : "a non-string value";
            var expected = allowed.Count == 0
                ? $"a {type} transition has no direction"
                : $"a {type} transition takes {string.Join(", ", allowed)}";
            log.SchemaAt(PointerPath.Of("transitions", transitionId, "params", "direction"), "enum",
                $"{transitionId} has direction {given}, but {expected}.");
        }
    }
}
