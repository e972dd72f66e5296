using GrpcExports.Rendering.Compositing;

namespace GrpcExports.Rendering.Captions;

/// <summary>What a <see cref="CaptionScene"/> does to its drawn page after the words: column windows and the shine band.</summary>
internal static class PageEffects
{
    public static void Apply(CaptionScene scene, FrameBuffer page)
    {
        foreach (var window in scene.Windows)
        {
            Hide(page, window);
        }
        if (scene.Shine is { } shine)
        {
            Lighten(page, shine);
        }
    }

    /// <summary>Clears the window's rows outside its columns (a column counts as inside when its centre is).</summary>
    private static void Hide(FrameBuffer page, ColumnWindow window)
    {
        var top = (int)Math.Clamp(Math.Round(window.Top), 0, page.Height);
        var bottom = (int)Math.Clamp(Math.Round(window.Bottom), 0, page.Height);
        var left = (int)Math.Clamp(Math.Round(window.Left), 0, page.Width);
        var right = (int)Math.Clamp(Math.Round(window.Right), left, page.Width);
        for (var y = top; y < bottom; y++)
        {
            var row = page.Row(y);
            row[..left].Clear();
            row[right..].Clear();
        }
    }

    /// <summary>Mixes each pixel in the band towards white of its own alpha (premultiplied), most in the band's middle.</summary>
    private static void Lighten(FrameBuffer page, ShineBand shine)
    {
        for (var y = 0; y < page.Height; y++)
        {
            var center = shine.CenterX - y;
            var from = (int)Math.Max(0, Math.Floor(center - shine.Width / 2));
            var to = (int)Math.Min(page.Width, Math.Ceiling(center + shine.Width / 2));
            var row = page.Row(y);
            for (var x = from; x < to; x++)
            {
                var weight = shine.Strength * (1 - Math.Abs(x + 0.5 - center) / (shine.Width / 2));
                var pixel = row[x];
                if (weight <= 0 || pixel == 0)
                {
                    continue;
                }
                int alpha = PixelMath.Alpha(pixel);
                row[x] = PixelMath.Pack(Toward(PixelMath.Red(pixel)), Toward(PixelMath.Green(pixel)), Toward(PixelMath.Blue(pixel)), alpha);

                int Toward(int channel) => (int)Math.Round(channel + (alpha - channel) * weight);
            }
        }
    }
}
