using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Tests.Rendering;

public static class PixelAssert
{
    /// <summary>Each channel of <paramref name="actual"/> within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public static void Near(Color expected, Color actual, int tolerance = 0, string? where = null)
    {
        var close = Math.Abs(expected.R - actual.R) <= tolerance && Math.Abs(expected.G - actual.G) <= tolerance
            && Math.Abs(expected.B - actual.B) <= tolerance && Math.Abs(expected.A - actual.A) <= tolerance;
        Assert.True(close, $"expected {Describe(expected)} ±{tolerance}, found {Describe(actual)}{(where is null ? "" : " at " + where)}");
    }

    private static string Describe(Color c) => $"rgba({c.R}, {c.G}, {c.B}, {c.A})";
}
