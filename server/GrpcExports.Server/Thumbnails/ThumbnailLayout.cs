using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Server.Thumbnails;

/// <summary>
/// The size of a thumbnail: a single frame is the requested width with the composition's aspect; a contact sheet is a
/// near-square grid (ceil(sqrt N) columns) of tiles whose widths add up to at most the requested width.
/// </summary>
internal sealed record ThumbnailLayout(int Width, int Height, int Columns, int TileWidth)
{
    public static ThumbnailLayout Of(EditorTimeline timeline, ThumbnailRequestCheck request)
    {
        if (!request.IsContactSheet)
        {
            return new ThumbnailLayout(request.Width, HeightFor(request.Width, timeline), Columns: 1, TileWidth: request.Width);
        }
        var columns = (int)Math.Ceiling(Math.Sqrt(request.FrameCount));
        var rows = (request.FrameCount + columns - 1) / columns;
        var tileWidth = Math.Max(1, request.Width / columns);
        return new ThumbnailLayout(columns * tileWidth, rows * HeightFor(tileWidth, timeline), columns, tileWidth);
    }

    /// <summary>The height that keeps the composition's aspect at <paramref name="width"/>, as ContactSheet sizes its tiles.</summary>
    private static int HeightFor(int width, EditorTimeline timeline) =>
        Math.Max(1, (int)Math.Round((double)width * timeline.CompositionHeight / timeline.CompositionWidth));
}
