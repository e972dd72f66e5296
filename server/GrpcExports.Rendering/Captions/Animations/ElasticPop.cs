namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>Words grow from nothing past their size and settle on it in a few damped swings (an elastic ease-out).</summary>
internal sealed class ElasticPop : ICaptionAnimationStyle
{
    public void Apply(CaptionScene scene, double progress, bool looping)
    {
        var scale = ElasticOut(progress);
        for (var i = 0; i < scene.Poses.Length; i++)
        {
            scene.Poses[i].Scale *= scale;
        }
    }

    /// <summary>0 at 0 and 1 at 1, overshooting 1 by about 37% first.</summary>
    internal static double ElasticOut(double t) => t <= 0 ? 0 : t >= 1 ? 1
        : Math.Pow(2, -10 * t) * Math.Sin((10 * t - 0.75) * (2 * Math.PI / 3)) + 1;
}
