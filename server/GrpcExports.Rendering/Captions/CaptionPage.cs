namespace GrpcExports.Rendering.Captions;

/// <summary>A word placed on its page: its box's top-left corner and size in output pixels inside the item's box.</summary>
public sealed record PlacedWord(CaptionWord Word, int Line, double Left, double Top, double Width, double Height)
{
    public double CenterX => Left + Width / 2;

    public double CenterY => Top + Height / 2;
}

/// <summary>
/// What the item shows over <c>[StartMs, EndMs)</c> of caption time: its words, laid out in lines from the top of the
/// box, and each line's horizontal extent; <see cref="RightToLeft"/> when lines read from right to left.
/// </summary>
public sealed record CaptionPage(double StartMs, double EndMs, IReadOnlyList<PlacedWord> Words, IReadOnlyList<CaptionLine> Lines,
    bool RightToLeft)
{
    public double Left => Lines.Min(line => line.Left);

    public double Right => Lines.Max(line => line.Right);

    public double CenterX => (Left + Right) / 2;
}

/// <summary>A line of a page: its rows <c>[Top, Bottom)</c> and the columns its words span.</summary>
public sealed record CaptionLine(double Top, double Bottom, double Left, double Right);
