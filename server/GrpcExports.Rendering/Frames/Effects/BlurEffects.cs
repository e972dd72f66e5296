using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames.Effects;

/// <summary>
/// The effects that blur what is below them: <c>blur</c> at a constant radius, <c>blurred-opening</c> from that radius
/// at its start to sharp at its end (linearly in its progress t). The radius is <see cref="RadiusPerIntensity"/> of the
/// composition's shorter side per unit of intensity (capped at 1), in output pixels.
/// </summary>
public static class BlurEffects
{
    public const double RadiusPerIntensity = 0.02;

    /// <summary>The blur radius in output pixels, or null for an effect that is not a blur.</summary>
    public static int? Radius(EffectItem effect, double localTicks, double compositionShorterSideOnOutput)
    {
        var t = Math.Clamp(localTicks / effect.DurationTicks, 0, 1);
        double? share = effect.EffectType switch
        {
            "blur" => 1,
            "blurred-opening" => 1 - t,
            _ => null,
        };
        return share is { } s
            ? (int)Math.Round(s * Math.Clamp(effect.Intensity, 0, 1) * RadiusPerIntensity * compositionShorterSideOnOutput)
            : null;
    }
}
