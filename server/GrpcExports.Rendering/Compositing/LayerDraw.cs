namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// Where a layer's box lands in the frame, in frame pixels: a <see cref="Width"/> x <see cref="Height"/> box centred on
/// (<see cref="CenterX"/>, <see cref="CenterY"/>), rotated clockwise by <see cref="RotationDegrees"/>, mirrored when a
/// scale was negative, with elliptical corners of radii (<see cref="CornerRadiusX"/>, <see cref="CornerRadiusY"/>).
/// Sizes already include the item's scale and the output's.
/// </summary>
public readonly record struct LayerPlacement(
    double CenterX,
    double CenterY,
    double Width,
    double Height,
    double RotationDegrees = 0,
    double CornerRadiusX = 0,
    double CornerRadiusY = 0,
    bool MirrorX = false,
    bool MirrorY = false)
{
    /// <summary>An axis-aligned box from its top-left corner.</summary>
    public static LayerPlacement Box(double left, double top, double width, double height, double rotationDegrees = 0, double cornerRadius = 0) =>
        new(left + width / 2, top + height / 2, width, height, rotationDegrees, cornerRadius, cornerRadius);
}

/// <summary>
/// One layer to draw: its source, its placement, and its opacity (0..1, transition weights folded in); an
/// <see cref="Outline"/> draws a polygon in the placed box instead of the (rounded) box itself.
/// </summary>
public sealed record LayerDraw(LayerSource Source, LayerPlacement Placement, double Opacity = 1, ShapeOutline? Outline = null);

/// <summary>A step of a frame's composition, applied bottom to top.</summary>
public abstract record DrawCommand;

/// <summary>Fills the whole frame with a colour (the background; transparent clears).</summary>
public sealed record FillCommand(Timeline.Color Color) : DrawCommand;

/// <summary>Draws one layer over what is below (premultiplied source-over).</summary>
public sealed record LayerCommand(LayerDraw Layer) : DrawCommand;

/// <summary>
/// Sums its layers, each weighted by its opacity, into a transparent scratch (additive in premultiplied colour) and
/// draws the result over what is below. With weights <c>1 - p</c> and <c>p</c> this is an exact cross-fade: at the
/// midpoint of a fade between two opaque clips every pixel is the 50/50 mix, whatever lies beneath.
/// </summary>
public sealed record MixCommand(IReadOnlyList<LayerDraw> Layers) : DrawCommand;

/// <summary>
/// A transition between two layers by a mask: each pixel is <c>outgoing * (1 - m) + incoming * m</c>, m being the
/// <see cref="Mask"/>'s coverage there, and the result is drawn over what is below (a wipe, iris or clock-wipe). A null
/// layer is transparent.
/// </summary>
public sealed record MaskedMixCommand(LayerDraw? Outgoing, LayerDraw? Incoming, Masks.CoverageMask Mask) : DrawCommand;

/// <summary>Transforms the colour of every pixel of <see cref="Region"/> drawn so far (a colour filter over what is below).</summary>
public sealed record ColorTransformCommand(ColorTransforms.ColorMatrix Matrix, PixelRegion Region) : DrawCommand;

/// <summary>Box-blurs <see cref="Region"/> of what is drawn so far by <see cref="Radius"/> pixels (see
/// <see cref="Blurring.BoxBlur"/>).</summary>
public sealed record BlurCommand(int Radius, PixelRegion Region) : DrawCommand;

/// <summary>
/// Puts what is drawn so far in front of a blurred copy of itself: <see cref="Content"/> scaled to cover the whole frame
/// (centred, over <see cref="Fill"/>), box-blurred by <see cref="Radius"/> pixels, shows wherever the content is
/// transparent, such as the letterbox bars of a vertical composition in a landscape frame.
/// </summary>
public sealed record BlurredBackdropCommand(int Radius, PixelRegion Content, Timeline.Color Fill) : DrawCommand;
