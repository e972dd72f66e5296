namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>
/// A slanted band of light crosses the page from left to right over the animation, lightening the glyphs it passes
/// over towards white (the band is as wide as the font is tall, brightest in its middle).
/// </summary>
internal sealed class SweepShine : ICaptionAnimationStyle
{
    private const double Strength = 0.85;

    public void Apply(CaptionScene scene, double progress, bool looping)
    {
        if (progress is <= 0 or >= 1)
        {
            return;
        }
        var width = scene.FontPixels;
        var page = scene.Page;
        var bottom = page.Lines[^1].Bottom;
        // From wholly left of the page (allowing for the slant) to wholly right of it.
        var from = page.Left - width;
        var to = page.Right + width + bottom;
        scene.Shine = new ShineBand(from + (to - from) * progress, width, Strength);
    }
}
