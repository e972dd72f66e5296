namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>
/// Words come down one after another from above their place, tilted back, and lie down flat on the line: each word
/// falls over its own slice of the animation, in reading order.
/// </summary>
internal sealed class LayDown : ICaptionAnimationStyle
{
    private const double StartTiltDegrees = -75;

    public void Apply(CaptionScene scene, double progress, bool looping)
    {
        var count = scene.Poses.Length;
        for (var i = 0; i < count; i++)
        {
            // Word i falls over [i, i + 2] of count + 1 equal steps, so neighbours overlap by half.
            var own = Math.Clamp((progress * (count + 1) - i) / 2, 0, 1);
            var height = scene.Page.Words[i].Height;
            scene.Poses[i].OffsetY -= height * (1 - own);
            scene.Poses[i].Rotation += StartTiltDegrees * (1 - own);
            scene.Poses[i].Opacity *= Math.Min(1, 2 * own);
        }
    }
}
