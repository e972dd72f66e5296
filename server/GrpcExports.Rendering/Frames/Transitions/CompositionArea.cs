namespace GrpcExports.Rendering.Frames.Transitions;

/// <summary>The composition's rectangle on the output frame, in output pixels: what transitions wipe, slide and turn.</summary>
public readonly record struct CompositionArea(double Left, double Top, double Width, double Height)
{
    public double CenterX => Left + Width / 2;

    public double CenterY => Top + Height / 2;
}
