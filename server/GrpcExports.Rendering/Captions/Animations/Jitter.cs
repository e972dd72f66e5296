namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>
/// Words shake: every twentieth of a second each word jumps to a new random offset (up to 6% of the font size) and
/// tilt (up to 4 degrees). Entering or leaving, the shaking dies down as the words reach rest; looping, it never does.
/// </summary>
internal sealed class Jitter : ICaptionAnimationStyle
{
    private const double StepMs = 50;
    private const double MaxOffsetOfFont = 0.06;
    private const double MaxTiltDegrees = 4;

    public void Apply(CaptionScene scene, double progress, bool looping)
    {
        var strength = looping ? 1 : 1 - progress;
        var step = (long)Math.Floor(scene.TimeMs / StepMs);
        for (var i = 0; i < scene.Poses.Length; i++)
        {
            scene.Poses[i].OffsetX += strength * MaxOffsetOfFont * scene.FontPixels * Noise(i, step, 0);
            scene.Poses[i].OffsetY += strength * MaxOffsetOfFont * scene.FontPixels * Noise(i, step, 1);
            scene.Poses[i].Rotation += strength * MaxTiltDegrees * Noise(i, step, 2);
        }
    }

    /// <summary>A repeatable number in [-1, 1] for a word, a step and a channel (so every export shakes the same way).</summary>
    private static double Noise(int word, long step, int channel)
    {
        var bits = (ulong)(word * 0x9E3779B1L) ^ (ulong)(step * 0x85EBCA77L) ^ (ulong)(channel * 0xC2B2AE3DL);
        bits ^= bits >> 33;
        bits *= 0xFF51AFD7ED558CCDUL;
        bits ^= bits >> 33;
        return (bits >> 11) / (double)(1UL << 53) * 2 - 1;
    }
}
