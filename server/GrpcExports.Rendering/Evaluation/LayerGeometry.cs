using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Evaluation;

/// <summary>
/// A visual item's placement resolved at one instant, in composition pixels: the box <c>(Left, Top, Width, Height)</c>,
/// then <see cref="ScaleX"/>/<see cref="ScaleY"/> and <see cref="Rotation"/> (degrees, clockwise on screen) about the
/// box's centre; <see cref="Opacity"/> 0..1; <see cref="BorderRadius"/> in pixels of the unscaled box.
/// </summary>
public readonly record struct LayerGeometry(
    double Left,
    double Top,
    double Width,
    double Height,
    double ScaleX,
    double ScaleY,
    double Rotation,
    double Opacity,
    double BorderRadius)
{
    public double CenterX => Left + Width / 2;

    public double CenterY => Top + Height / 2;

    /// <summary>Evaluates every keyframed property at <paramref name="localTicks"/> ticks after the item's start.</summary>
    public static LayerGeometry At(ItemGeometry geometry, double localTicks) => new(
        Left: geometry.Left.Evaluate(localTicks),
        Top: geometry.Top.Evaluate(localTicks),
        Width: Math.Max(0, geometry.Width.Evaluate(localTicks)),
        Height: Math.Max(0, geometry.Height.Evaluate(localTicks)),
        ScaleX: geometry.ScaleX.Evaluate(localTicks),
        ScaleY: geometry.ScaleY.Evaluate(localTicks),
        Rotation: geometry.Rotation.Evaluate(localTicks),
        Opacity: Math.Clamp(geometry.Opacity.Evaluate(localTicks), 0, 1),
        BorderRadius: Math.Max(0, geometry.BorderRadius.Evaluate(localTicks)));
}
