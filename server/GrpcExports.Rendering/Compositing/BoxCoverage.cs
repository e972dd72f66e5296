using System.Runtime.CompilerServices;

namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// How much of a pixel a rounded box covers, from the pixel centre's position in the box's own frame (origin at the
/// box's centre, axes along its sides, units of frame pixels, so rotation does not distort distances).
/// </summary>
/// <remarks>
/// Along the straight sides the coverage is the exact overlap of the pixel's extent with the box, per axis (exact for an
/// axis-aligned box, the usual close approximation once rotated). In a corner it is <c>0.5 - d</c> clamped to 0..1, with
/// <c>d</c> the signed distance to the corner's ellipse (exact for circular corners, first-order for elliptical ones).
/// The two agree where they meet, so coverage is continuous.
/// </remarks>
internal readonly struct BoxCoverage(double halfWidth, double halfHeight, double radiusX, double radiusY)
{
    public double HalfWidth { get; } = halfWidth;

    public double HalfHeight { get; } = halfHeight;

    public double RadiusX { get; } = Math.Clamp(radiusX, 0, halfWidth);

    public double RadiusY { get; } = Math.Clamp(radiusY, 0, halfHeight);

    public bool HasCorners => RadiusX > 0 && RadiusY > 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double At(double x, double y)
    {
        var ax = Math.Abs(x);
        var ay = Math.Abs(y);
        var cornerX = HalfWidth - RadiusX;
        var cornerY = HalfHeight - RadiusY;
        if (ax > cornerX && ay > cornerY && HasCorners)
        {
            return Corner(ax - cornerX, ay - cornerY);
        }
        return Span(ax, HalfWidth) * Span(ay, HalfHeight);
    }

    /// <summary>Overlap of the pixel's extent <c>[a - 0.5, a + 0.5]</c> with <c>[-half, half]</c> (a &gt;= 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Span(double a, double half) =>
        Math.Clamp(Math.Min(0.5, half - a) - Math.Max(-0.5, -half - a), 0, 1);

    private double Corner(double px, double py)
    {
        double distance;
        if (RadiusX == RadiusY)
        {
            distance = Math.Sqrt(px * px + py * py) - RadiusX;
        }
        else
        {
            // f = |p / r| - 1 has gradient (px / rx², py / ry²) / |p / r|; distance ≈ f / |∇f|.
            var nx = px / RadiusX;
            var ny = py / RadiusY;
            var k = Math.Sqrt(nx * nx + ny * ny);
            var gx = nx / RadiusX;
            var gy = ny / RadiusY;
            var gradient = Math.Sqrt(gx * gx + gy * gy);
            if (gradient < 1e-12)
            {
                return 1;
            }
            distance = (k - 1) * k / gradient;
        }
        return Math.Clamp(0.5 - distance, 0, 1);
    }
}
