namespace GrpcExports.Rendering.Compositing.Masks;

/// <summary>
/// A disc of <see cref="Radius"/> frame pixels about (<see cref="CenterX"/>, <see cref="CenterY"/>). Coverage is
/// <c>0.5 + r - distance</c> clamped (the circle's exact anti-aliasing to first order), and never more than the disc's
/// whole area, so a disc far smaller than a pixel is a faint dot rather than half a pixel.
/// </summary>
public sealed class DiscMask(double centerX, double centerY, double radius) : CoverageMask
{
    public double CenterX { get; } = centerX;

    public double CenterY { get; } = centerY;

    public double Radius { get; } = Math.Max(0, radius);

    internal override void FillRow(int y, int left, Span<uint> weights)
    {
        weights.Clear();
        var dy = y + 0.5 - CenterY;
        var outer = Radius + 0.5;
        if (Math.Abs(dy) >= outer)
        {
            return;
        }
        // Pixel x's centre is at dx = x + 0.5 - cx: coverage can be non-zero for |dx| < sqrt(outer² - dy²), and is full
        // for |dx| <= sqrt(inner² - dy²).
        var outerHalf = Math.Sqrt(outer * outer - dy * dy);
        var inner = Radius - 0.5;
        var innerHalf = inner > Math.Abs(dy) ? Math.Sqrt(inner * inner - dy * dy) : -1;
        var count = weights.Length;
        var first = Clip(Math.Ceiling(CenterX - outerHalf - 0.5) - left, count);
        var last = Clip(Math.Floor(CenterX + outerHalf - 0.5) - left + 1, count);
        var fullFirst = innerHalf < 0 ? last : Clip(Math.Ceiling(CenterX - innerHalf - 0.5) - left, count);
        var fullLast = innerHalf < 0 ? last : Clip(Math.Floor(CenterX + innerHalf - 0.5) - left + 1, count);
        fullFirst = Math.Clamp(fullFirst, first, last);
        fullLast = Math.Clamp(fullLast, fullFirst, last);
        var area = Math.PI * Radius * Radius;
        for (var i = first; i < fullFirst; i++)
        {
            weights[i] = Edge(left + i, dy, area);
        }
        weights[fullFirst..fullLast].Fill(Full);
        for (var i = fullLast; i < last; i++)
        {
            weights[i] = Edge(left + i, dy, area);
        }
    }

    private uint Edge(int x, double dy, double area)
    {
        var dx = x + 0.5 - CenterX;
        return Weight(Math.Min(area, 0.5 + Radius - Math.Sqrt(dx * dx + dy * dy)));
    }

    private static int Clip(double index, int count) => (int)Math.Clamp(index, 0, count);
}
