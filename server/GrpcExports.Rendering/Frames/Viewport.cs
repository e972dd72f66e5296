using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames;

/// <summary>
/// Where the composition lands in the output frame: output pixel = composition pixel * <see cref="Scale"/> + offset.
/// Geometry is mapped before rasterising, so an export at another size is drawn at that size (sharp), not resized.
/// Outside the composition's rectangle (letterbox bars) the frame shows <see cref="LetterboxColor"/>.
/// </summary>
public sealed record Viewport(int OutputWidth, int OutputHeight, double Scale, double OffsetX, double OffsetY, Color LetterboxColor)
{
    /// <summary>The composition at its own size.</summary>
    public static Viewport Identity(EditorTimeline timeline) =>
        new(timeline.CompositionWidth, timeline.CompositionHeight, 1, 0, 0, Color.Black);

    /// <summary>The composition scaled to fit inside the output, centred (bars where the aspect ratios differ).</summary>
    public static Viewport Fit(int compositionWidth, int compositionHeight, int outputWidth, int outputHeight, Color letterbox)
    {
        var scale = Math.Min((double)outputWidth / compositionWidth, (double)outputHeight / compositionHeight);
        return new Viewport(outputWidth, outputHeight, scale, (outputWidth - compositionWidth * scale) / 2,
            (outputHeight - compositionHeight * scale) / 2, letterbox);
    }

    public double CompositionWidthOnOutput(EditorTimeline timeline) => timeline.CompositionWidth * Scale;

    public double CompositionHeightOnOutput(EditorTimeline timeline) => timeline.CompositionHeight * Scale;

    public (double X, double Y) Map(double x, double y) => (x * Scale + OffsetX, y * Scale + OffsetY);
}
