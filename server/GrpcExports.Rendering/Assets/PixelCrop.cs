using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Assets;

/// <summary>How many source pixels to trim from each edge before an image is fitted to its box.</summary>
public readonly record struct PixelCrop(int Left, int Top, int Right, int Bottom)
{
    public static PixelCrop None => default;

    public bool IsNone => this == default;

    /// <summary>The item's <c>crop*</c> tracks at <paramref name="localTicks"/>, rounded to whole source pixels.</summary>
    public static PixelCrop At(ItemCrop crop, double localTicks) => new(
        Whole(crop.Left.Evaluate(localTicks)), Whole(crop.Top.Evaluate(localTicks)),
        Whole(crop.Right.Evaluate(localTicks)), Whole(crop.Bottom.Evaluate(localTicks)));

    private static int Whole(double value) => (int)Math.Clamp(Math.Round(value), 0, int.MaxValue / 2);
}
