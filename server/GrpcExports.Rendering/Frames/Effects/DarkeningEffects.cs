using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames.Effects;

/// <summary>
/// The effects that darken what is below them towards black, as a black veil over the composition whose opacity follows
/// the effect's own progress t (0 at its start, 1 at its end), times its intensity (capped at 1):
/// <c>fade-in</c> 1 - t (from black), <c>fade-out</c> t (to black), <c>flash-to-black</c> 1 - |2t - 1| (black at its
/// middle).
/// </summary>
public static class DarkeningEffects
{
    /// <summary>The veil's opacity, or null for an effect that is not a darkening one.</summary>
    public static double? VeilOpacity(EffectItem effect, double localTicks)
    {
        var t = Math.Clamp(localTicks / effect.DurationTicks, 0, 1);
        double? darkness = effect.EffectType switch
        {
            "fade-in" => 1 - t,
            "fade-out" => t,
            "flash-to-black" => 1 - Math.Abs(2 * t - 1),
            _ => null,
        };
        return darkness * Math.Clamp(effect.Intensity, 0, 1);
    }
}
