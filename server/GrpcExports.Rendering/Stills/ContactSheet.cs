using System.Globalization;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Stills;

/// <summary>
/// A contact sheet: <c>N</c> evenly spaced frames of a timeline, each rendered at tile size (drawn at that size, not
/// resized) and joined row by row into one PNG by ImageMagick's <c>montage</c>.
/// </summary>
public sealed class ContactSheet(StillRenderer renderer, MediaTools? tools = null)
{
    private readonly MediaTools _tools = tools ?? MediaTools.Default;

    /// <summary>
    /// The frames a sheet of <paramref name="count"/> tiles shows: the middle frame of each of <paramref name="count"/>
    /// equal parts of the timeline (so neither the first nor the last frame, often black in a fade, stands for a part).
    /// </summary>
    public static IReadOnlyList<long> FramesToShow(long totalFrames, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalFrames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Enumerable.Range(0, count).Select(k => (long)((Int128)(2 * k + 1) * totalFrames / (2 * count))).ToList();
    }

    /// <param name="count">How many frames (tiles) the sheet shows.</param>
    /// <param name="columns">Tiles per row; rows are added as needed.</param>
    /// <param name="tileWidth">Each tile's width in pixels; its height keeps the composition's aspect ratio.</param>
    public async Task<ContactSheetResult> RenderAsync(EditorTimeline timeline, FrameRate rate, int count, int columns, int tileWidth,
        string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileWidth);
        var totalFrames = timeline.ClockAt(rate).FrameCount(timeline.DurationTicks);
        if (totalFrames == 0)
        {
            throw new ArgumentException("The timeline is empty: a contact sheet needs at least one frame.", nameof(timeline));
        }
        var frames = FramesToShow(totalFrames, count);
        var tileHeight = Math.Max(1, (int)Math.Round((double)tileWidth * timeline.CompositionHeight / timeline.CompositionWidth));
        var viewport = Viewport.Fit(timeline.CompositionWidth, timeline.CompositionHeight, tileWidth, tileHeight, Color.Black);
        var tiles = Directory.CreateTempSubdirectory("grpcexports-contact-sheet-");
        try
        {
            var tilePaths = new List<string>();
            foreach (var frame in frames)
            {
                var path = Path.Combine(tiles.FullName, $"{tilePaths.Count:D5}.png");
                await renderer.RenderPngAsync(timeline, rate, frame, path, viewport, cancellationToken);
                tilePaths.Add(path);
            }
            var columnsUsed = Math.Min(columns, count);
            var rows = (count + columnsUsed - 1) / columnsUsed;
            await _tools.RunAsync(MediaTool.ImageMagickMontage,
                [
                    .. tilePaths.Select(path => $"png:{path}"),
                    "-tile", string.Create(CultureInfo.InvariantCulture, $"{columnsUsed}x{rows}"),
                    "-geometry", "+0+0", "-background", "none",
                    $"png:{Path.GetFullPath(outputPath)}",
                ],
                cancellationToken: cancellationToken);
            return new ContactSheetResult(Path.GetFullPath(outputPath), frames, columnsUsed, rows, tileWidth, tileHeight);
        }
        finally
        {
            tiles.Delete(recursive: true);
        }
    }
}

/// <summary>A written contact sheet: tile <c>k</c> (row-major) shows <c>Frames[k]</c>.</summary>
public sealed record ContactSheetResult(string OutputPath, IReadOnlyList<long> Frames, int Columns, int Rows, int TileWidth, int TileHeight)
{
    public int Width => Columns * TileWidth;

    public int Height => Rows * TileHeight;

    /// <summary>The top-left pixel of tile <paramref name="index"/>.</summary>
    public (int X, int Y) TileOrigin(int index) => (index % Columns * TileWidth, index / Columns * TileHeight);
}
