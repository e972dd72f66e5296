namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>What animates an item: keyframed numbers, clip in/out animations and caption animations.</summary>
internal static class AnimationSchemas
{
    public static readonly SchemaRule Easing = StringRule.Enum("linear", "ease-in", "ease-out", "ease-in-out");

    public static readonly SchemaRule Params = ObjectRule.MapOf(JsonTypesRule.Primitive);

    private static readonly ObjectRule KeyframePoint = new(
        [("timeTicks", NumberRule.NonNegativeInteger), ("value", NumberRule.Any)],
        required: ["timeTicks", "value"], closed: true);

    /// <summary>"animatedNumberTrack": a value, and keyframes in the item's local ticks.</summary>
    public static readonly ObjectRule AnimatedNumber = new(
        [("value", NumberRule.Any), ("keyframes", new ArrayRule(KeyframePoint))],
        required: ["value", "keyframes"], closed: true);

    public static readonly ObjectRule ClipAnimations = Animations(["in", "out"],
        "fade", "slide-up", "slide-down", "slide-left", "slide-right", "zoom-in", "zoom-out");

    public static readonly ObjectRule CaptionAnimations = Animations(["in", "out", "loop"],
        "converge", "elastic-pop", "typewriter", "lay-down", "center-type-out", "curtain-close", "jitter", "rainbow", "sweep-shine");

    /// <summary>An object of animation specs under <paramref name="slots"/>, each of one of <paramref name="types"/>.</summary>
    private static ObjectRule Animations(string[] slots, params string[] types)
    {
        var spec = new ObjectRule(
            [("type", StringRule.Enum(types)), ("durationTicks", NumberRule.PositiveInteger), ("easing", Easing), ("params", Params)],
            required: ["type", "durationTicks"], closed: true);
        return new ObjectRule(slots.Select(slot => (slot, (SchemaRule)spec)), closed: true);
    }
}
