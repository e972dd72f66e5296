using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Tests.Rendering;

public sealed class EasingTests
{
    public static TheoryData<Easing> Curves() => [Easing.Linear, Easing.EaseIn, Easing.EaseOut, Easing.EaseInOut];

    [Theory]
    [MemberData(nameof(Curves))]
    public void Curves_start_at_0_end_at_1_and_never_go_back(Easing easing)
    {
        Assert.Equal(0, EasingCurves.Apply(easing, 0));
        Assert.Equal(1, EasingCurves.Apply(easing, 1));
        Assert.Equal(0, EasingCurves.Apply(easing, -0.5));
        Assert.Equal(1, EasingCurves.Apply(easing, 1.5));
        var previous = 0.0;
        for (var i = 1; i <= 1000; i++)
        {
            var value = EasingCurves.Apply(easing, i / 1000.0);
            Assert.True(value >= previous - 1e-12, $"{easing} decreases at {i / 1000.0}");
            previous = value;
        }
    }

    [Theory]
    [InlineData(Easing.EaseIn, 0.42, 0.0, 1.0, 1.0)]
    [InlineData(Easing.EaseOut, 0.0, 0.0, 0.58, 1.0)]
    [InlineData(Easing.EaseInOut, 0.42, 0.0, 0.58, 1.0)]
    public void Named_curves_are_the_css_cubic_beziers(Easing easing, double x1, double y1, double x2, double y2)
    {
        // Independently: walk the Bézier's parameter finely and read y where x crosses each probe.
        foreach (var t in new[] { 0.1, 0.25, 0.5, 0.75, 0.9 })
        {
            var expected = ReferenceBezier(x1, y1, x2, y2, t);
            Assert.Equal(expected, EasingCurves.Apply(easing, t), 5);
        }
    }

    [Fact]
    public void Ease_in_out_is_symmetric_and_ease_out_mirrors_ease_in()
    {
        Assert.Equal(0.5, EasingCurves.Apply(Easing.EaseInOut, 0.5), 9);
        foreach (var t in new[] { 0.1, 0.3, 0.45 })
        {
            Assert.Equal(1 - EasingCurves.Apply(Easing.EaseInOut, 1 - t), EasingCurves.Apply(Easing.EaseInOut, t), 9);
            Assert.Equal(1 - EasingCurves.Apply(Easing.EaseIn, 1 - t), EasingCurves.Apply(Easing.EaseOut, t), 9);
        }
        Assert.True(EasingCurves.Apply(Easing.EaseIn, 0.5) < 0.5);
        Assert.True(EasingCurves.Apply(Easing.EaseOut, 0.5) > 0.5);
    }

    [Fact]
    public void Hold_keeps_the_start_until_the_end()
    {
        Assert.Equal(0, EasingCurves.Apply(Easing.Hold, 0.999));
        Assert.Equal(1, EasingCurves.Apply(Easing.Hold, 1));
    }

    [Theory]
    [InlineData("linear", Easing.Linear)]
    [InlineData("ease-in", Easing.EaseIn)]
    [InlineData("ease-out", Easing.EaseOut)]
    [InlineData("ease-in-out", Easing.EaseInOut)]
    [InlineData("hold", Easing.Hold)]
    public void Names_are_read_in_the_schemas_spelling(string name, Easing easing) => Assert.Equal(easing, EasingCurves.Parse(name));

    [Fact]
    public void Unknown_names_are_not_guessed() => Assert.Null(EasingCurves.Parse("easeIn"));

    private static double ReferenceBezier(double x1, double y1, double x2, double y2, double t)
    {
        const int steps = 2_000_000;
        double previousX = 0, previousY = 0;
        for (var i = 1; i <= steps; i++)
        {
            var s = (double)i / steps;
            var u = 1 - s;
            var x = 3 * u * u * s * x1 + 3 * u * s * s * x2 + s * s * s;
            var y = 3 * u * u * s * y1 + 3 * u * s * s * y2 + s * s * s;
            if (x >= t)
            {
                return previousY + (y - previousY) * (t - previousX) / (x - previousX);
            }
            (previousX, previousY) = (x, y);
        }
        return 1;
    }
}
