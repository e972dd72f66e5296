namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>
/// Two curtains from the page's left and right edges close on its centre, hiding the words as they pass (at
/// progress 0 they meet; at 1 they are open).
/// </summary>
internal sealed class CurtainClose : ICaptionAnimationStyle
{
    public void Apply(CaptionScene scene, double progress, bool looping)
    {
        if (progress >= 1)
        {
            return;
        }
        var page = scene.Page;
        var half = (page.Right - page.Left) / 2 * progress;
        scene.Windows.Add(new ColumnWindow(double.NegativeInfinity, double.PositiveInfinity, page.CenterX - half, page.CenterX + half));
    }
}
