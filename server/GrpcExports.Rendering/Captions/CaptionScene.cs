using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Captions;

/// <summary>
/// A caption page as one frame draws it: a pose per word, which caption animations change, then what is done to the
/// drawn page: <see cref="Windows"/> hide columns of some rows, <see cref="Shine"/> brightens a slanted band.
/// </summary>
public sealed class CaptionScene
{
    public CaptionScene(CaptionPage page, double timeMs, double fontPixels, Color color, Color? highlight)
    {
        Page = page;
        TimeMs = timeMs;
        FontPixels = fontPixels;
        Poses = [.. page.Words.Select(placed => WordPose.AtRest(
            highlight is { } current && placed.Word.StartMs <= timeMs && timeMs < placed.Word.EndMs ? current : color))];
    }

    public CaptionPage Page { get; }

    /// <summary>The caption asset's time the frame shows, in milliseconds.</summary>
    public double TimeMs { get; }

    /// <summary>The font size on the output, in pixels.</summary>
    public double FontPixels { get; }

    /// <summary>One per word of <see cref="Page"/>, in the same order.</summary>
    public WordPose[] Poses { get; }

    public List<ColumnWindow> Windows { get; } = [];

    public ShineBand? Shine { get; set; }
}

/// <summary>How a word is drawn: moved by (<see cref="OffsetX"/>, <see cref="OffsetY"/>) output pixels, scaled and turned
/// (degrees, clockwise) about its centre, at an opacity, in a colour.</summary>
public record struct WordPose(double OffsetX, double OffsetY, double Scale, double Rotation, double Opacity, Color Color)
{
    public static WordPose AtRest(Color color) => new(0, 0, 1, 0, 1, color);
}

/// <summary>Rows <c>[Top, Bottom)</c> of the page keep only their columns <c>[Left, Right)</c>.</summary>
public readonly record struct ColumnWindow(double Top, double Bottom, double Left, double Right);

/// <summary>A band <see cref="Width"/> pixels wide, centred on column <see cref="CenterX"/> at the top row and leaning
/// right going up, where glyphs are lightened towards white by up to <see cref="Strength"/>.</summary>
public readonly record struct ShineBand(double CenterX, double Width, double Strength);
