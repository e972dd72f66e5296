using GrpcExports.Rendering.Compositing.ColorTransforms;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames.Filters;

/// <summary>
/// The eight named looks of <c>filter</c> items as colour matrices on straight RGB 0..255 (each row: the weights of R,
/// G and B, and an offset), applied by <c>min(intensity, 1) x params.blend</c> (blend clamped to 0..1, 1 when absent):
/// <c>clamp((1 - k) c + k (M c + o))</c>. The README lists the same numbers.
/// </summary>
public static class ColorFilters
{
    private static readonly Dictionary<string, ColorMatrix> Looks = new(StringComparer.Ordinal)
    {
        ["verdant-glow"] = new(new(0.80f, 0.10f, 0.00f, 0), new(0.10f, 1.00f, 0.10f, 12), new(0.00f, 0.10f, 0.80f, 0)),
        ["cyberpunk-neon"] = new(new(1.10f, 0.00f, 0.20f, 10), new(0.00f, 0.70f, 0.10f, 0), new(0.20f, 0.00f, 1.10f, 20)),
        ["vaporwave-blue"] = new(new(0.80f, 0.10f, 0.10f, 10), new(0.10f, 0.80f, 0.10f, 10), new(0.10f, 0.20f, 1.00f, 30)),
        ["sunset-orange"] = new(new(1.00f, 0.20f, 0.00f, 25), new(0.05f, 0.85f, 0.05f, 10), new(0.00f, 0.10f, 0.70f, 0)),
        ["lemon-cyan"] = new(new(0.90f, 0.10f, 0.00f, 10), new(0.05f, 1.00f, 0.10f, 20), new(0.00f, 0.20f, 0.90f, 15)),
        ["absolute-red"] = new(new(1.20f, 0.10f, 0.10f, 10), new(0.10f, 0.70f, 0.00f, 0), new(0.10f, 0.00f, 0.70f, 0)),
        ["sakura-pink"] = new(new(1.00f, 0.10f, 0.05f, 20), new(0.05f, 0.85f, 0.05f, 5), new(0.05f, 0.05f, 0.95f, 20)),
        ["twilight-dusk"] = new(new(0.85f, 0.05f, 0.15f, 15), new(0.05f, 0.75f, 0.10f, 0), new(0.10f, 0.10f, 0.95f, 25)),
    };

    /// <summary>The transform a filter item applies, or null for a look this renderer does not know.</summary>
    public static ColorMatrix? For(FilterItem filter) => Looks.TryGetValue(filter.FilterType, out var look)
        ? look.Applied(Math.Clamp(filter.Intensity, 0, 1) * Math.Clamp(filter.Blend, 0, 1))
        : null;
}
