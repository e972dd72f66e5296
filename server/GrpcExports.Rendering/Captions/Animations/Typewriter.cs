namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>
/// The page's characters appear one at a time in reading order. Within a word, each character is given an equal
/// share of the word's width (exact for monospace fonts, close for others).
/// </summary>
internal sealed class Typewriter : ICaptionAnimationStyle
{
    public void Apply(CaptionScene scene, double progress, bool looping)
    {
        var words = scene.Page.Words;
        var total = words.Sum(placed => placed.Word.Text.Length);
        var shown = (int)Math.Floor(progress * total);
        for (var i = 0; i < words.Count; i++)
        {
            var length = words[i].Word.Text.Length;
            var typed = Math.Clamp(shown, 0, length);
            shown -= length;
            if (typed == 0)
            {
                scene.Poses[i].Opacity = 0;
            }
            else if (typed < length)
            {
                var placed = words[i];
                var line = scene.Page.Lines[placed.Line];
                var typedWidth = placed.Width * typed / length;
                scene.Windows.Add(scene.Page.RightToLeft
                    ? new ColumnWindow(line.Top, line.Bottom, placed.Left + placed.Width - typedWidth, double.PositiveInfinity)
                    : new ColumnWindow(line.Top, line.Bottom, double.NegativeInfinity, placed.Left + typedWidth));
            }
        }
    }
}
