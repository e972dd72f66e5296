namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// A polygon drawn instead of a layer's rounded box: its corners in the box's own unit square, x and y from -0.5 (left,
/// top) to 0.5 (right, bottom), so the layer's placement sizes, turns and mirrors it like the box. Solid colours only.
/// </summary>
public sealed class ShapeOutline
{
    public ShapeOutline(IReadOnlyList<(double X, double Y)> corners)
    {
        if (corners.Count < 3)
        {
            throw new ArgumentException("An outline needs at least three corners.", nameof(corners));
        }
        Corners = [.. corners];
    }

    public IReadOnlyList<(double X, double Y)> Corners { get; }

    /// <summary>An isosceles triangle: apex at the top centre, base along the bottom side.</summary>
    public static ShapeOutline Triangle { get; } = new([(0, -0.5), (0.5, 0.5), (-0.5, 0.5)]);

    /// <summary>
    /// A regular five-pointed star, point up, stretched so its points touch all four sides of the box (as CSS
    /// clip-path stars fill their element).
    /// </summary>
    public static ShapeOutline Star { get; } = RegularStar(points: 5);

    private static ShapeOutline RegularStar(int points)
    {
        // The inner corners of a regular {n/2} star lie at cos(2π/n) / cos(π/n) of the outer radius.
        var inner = Math.Cos(2 * Math.PI / points) / Math.Cos(Math.PI / points);
        var corners = new (double X, double Y)[2 * points];
        for (var k = 0; k < corners.Length; k++)
        {
            var angle = -Math.PI / 2 + k * Math.PI / points;
            var radius = k % 2 == 0 ? 1 : inner;
            corners[k] = (radius * Math.Cos(angle), radius * Math.Sin(angle));
        }
        double minX = corners.Min(c => c.X), maxX = corners.Max(c => c.X);
        double minY = corners.Min(c => c.Y), maxY = corners.Max(c => c.Y);
        return new([.. corners.Select(c => ((c.X - minX) / (maxX - minX) - 0.5, (c.Y - minY) / (maxY - minY) - 0.5))]);
    }
}
