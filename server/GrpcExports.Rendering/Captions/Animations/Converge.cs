namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>Words start twice as far from the page's centre as their place and fade in as they close in on it.</summary>
internal sealed class Converge : ICaptionAnimationStyle
{
    public void Apply(CaptionScene scene, double progress, bool looping)
    {
        var center = scene.Page.CenterX;
        for (var i = 0; i < scene.Poses.Length; i++)
        {
            scene.Poses[i].OffsetX += (scene.Page.Words[i].CenterX - center) * (1 - progress);
            scene.Poses[i].Opacity *= progress;
        }
    }
}
