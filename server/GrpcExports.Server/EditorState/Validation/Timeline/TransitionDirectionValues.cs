using Google.Protobuf.WellKnownTypes;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Server.EditorState.Validation.Timeline;

/// <summary>
/// The schema leaves a transition's <c>params</c> open, but <c>params.direction</c> must be one the transition type has:
/// any of the eight for slide and wipe, a side for flip. Reported as an <c>enum</c> violation at the value, listing the
/// allowed ones. Fade, clock-wipe and iris have no direction, so one there is ignored as the renderer ignores it (an
/// editor may keep the parameter when its user switches a wipe to a fade; refusing it would break their autosaves).
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
            if (allowed.Count == 0 || (direction.KindCase == Value.KindOneofCase.StringValue && allowed.Contains(direction.StringValue)))
            {
                continue;
            }
            var given = direction.KindCase == Value.KindOneofCase.StringValue ? $"'{direction.StringValue}'" : "a non-string value";
            log.SchemaAt(PointerPath.Of("transitions", transitionId, "params", "direction"), "enum",
                $"{transitionId} has direction {given}, but a {type} transition takes {string.Join(", ", allowed)}.");
        }
    }
}
