namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>
/// Each line is typed out from its middle towards both ends: the shown part grows a character's share of the line's
/// width at a time on each side, centred on the line's centre.
/// </summary>
internal sealed class CenterTypeOut : ICaptionAnimationStyle
{
    public void Apply(CaptionScene scene, double progress, bool looping)
    {
        foreach (var (line, index) in scene.Page.Lines.Select((line, index) => (line, index)))
        {
            var characters = scene.Page.Words.Where(placed => placed.Line == index).Sum(placed => placed.Word.Text.Length + 1) - 1;
            var shown = Math.Floor(progress * characters);
            var half = (line.Right - line.Left) * shown / characters / 2;
            var center = (line.Left + line.Right) / 2;
            scene.Windows.Add(shown >= characters
                ? new ColumnWindow(line.Top, line.Bottom, double.NegativeInfinity, double.PositiveInfinity)
                : new ColumnWindow(line.Top, line.Bottom, center - half, center + half));
        }
    }
}
