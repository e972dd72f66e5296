using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>
/// Words take the colours of the rainbow, neighbours a twelfth of the hue circle apart, every word moving on one hue
/// step each tenth of a second. Entering or leaving, the words keep their own colour once at rest.
/// </summary>
internal sealed class Rainbow : ICaptionAnimationStyle
{
    private const int Hues = 12;
    private const double StepMs = 100;

    public void Apply(CaptionScene scene, double progress, bool looping)
    {
        if (!looping && progress >= 1)
        {
            return;
        }
        var step = (long)Math.Floor(scene.TimeMs / StepMs);
        for (var i = 0; i < scene.Poses.Length; i++)
        {
            scene.Poses[i].Color = HueColor((int)((i + step) % Hues) * 360.0 / Hues);
        }
    }

    /// <summary>The fully saturated colour of <paramref name="degrees"/> on the hue circle (0 red, 120 green, 240 blue).</summary>
    internal static Color HueColor(double degrees)
    {
        var sector = degrees / 60;
        var rising = (byte)Math.Round(255 * (sector - Math.Floor(sector)));
        var falling = (byte)(255 - rising);
        return ((int)Math.Floor(sector) % 6) switch
        {
            0 => new Color(255, rising, 0),
            1 => new Color(falling, 255, 0),
            2 => new Color(0, 255, rising),
            3 => new Color(0, falling, 255),
            4 => new Color(rising, 0, 255),
            _ => new Color(255, 0, falling),
        };
    }
}
