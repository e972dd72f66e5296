using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Frames;

/// <summary>
/// The outline a solid's shape is drawn with: rectangles and circles are the placed box itself (square or fully rounded
/// corners), triangles and stars are polygons in it. A triangle's or star's <c>borderRadius</c> is not drawn.
/// </summary>
public static class SolidOutlines
{
    public static ShapeOutline? For(SolidShape shape) => shape switch
    {
        SolidShape.Triangle => ShapeOutline.Triangle,
        SolidShape.Star => ShapeOutline.Star,
        _ => null,
    };
}
