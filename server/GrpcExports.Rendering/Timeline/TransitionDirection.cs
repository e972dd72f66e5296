namespace GrpcExports.Rendering.Timeline;

/// <summary>
/// The side (or corner) a transition's incoming clip comes from: a transition's <c>params.direction</c>, spelled as
/// the editors that write this format spell it (<c>from-left</c>, <c>from-top-left</c>, ...). Slide and wipe take all
/// eight; flip takes the four sides (the side decides the axis it turns about).
/// </summary>
public enum TransitionDirection
{
    FromLeft,
    FromTopLeft,
    FromTop,
    FromTopRight,
    FromRight,
    FromBottomRight,
    FromBottom,
    FromBottomLeft,
}

public static class TransitionDirections
{
    public const TransitionDirection Default = TransitionDirection.FromLeft;

    public static readonly IReadOnlyList<string> Names =
    [
        "from-left", "from-top-left", "from-top", "from-top-right", "from-right", "from-bottom-right", "from-bottom", "from-bottom-left",
    ];

    /// <summary>The directions a transition type takes: all eight for slide and wipe, the four sides for flip, none for
    /// the others.</summary>
    public static IReadOnlyList<string> NamesFor(string transitionType) => transitionType switch
    {
        "slide" or "wipe" => Names,
        "flip" => [.. Names.Where(name => Parse(name)!.Value.IsSide())],
        _ => [],
    };

    public static TransitionDirection? Parse(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return (TransitionDirection)i;
            }
        }
        return null;
    }

    public static bool IsSide(this TransitionDirection direction) =>
        direction is TransitionDirection.FromLeft or TransitionDirection.FromRight or TransitionDirection.FromTop or TransitionDirection.FromBottom;

    /// <summary>Where the incoming clip comes from, as a step in x and y: (-1, 0) is from the left, (-1, -1) from the top left.</summary>
    public static (int X, int Y) Origin(this TransitionDirection direction) => direction switch
    {
        TransitionDirection.FromLeft => (-1, 0),
        TransitionDirection.FromTopLeft => (-1, -1),
        TransitionDirection.FromTop => (0, -1),
        TransitionDirection.FromTopRight => (1, -1),
        TransitionDirection.FromRight => (1, 0),
        TransitionDirection.FromBottomRight => (1, 1),
        TransitionDirection.FromBottom => (0, 1),
        TransitionDirection.FromBottomLeft => (-1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };
}
