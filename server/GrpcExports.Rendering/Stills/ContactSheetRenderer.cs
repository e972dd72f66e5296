using System.Globalization;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Stills;

/// <summary>
/// A contact sheet: <c>count</c> frames spread evenly from the first to the last, each rendered to a PNG thumbnail and
/// laid out in a grid by ImageMagick's <c>montage</c> (row by row, <see cref="Spacing"/> pixels around each).
/// </summary>
public sealed class ContactSheetRenderer(StillRenderer stills, MediaTools? tools = null)
{
    public const int MaxFrames = 100;

    /// <summary>Pixels of background around each thumbnail.</summary>
    public const int Spacing = 2;

    private readonly MediaTools _tools = tools ?? MediaTools.Default;

    /// <param name="thumbnailWidth">Each thumbnail's width; its height follows the composition's shape.</param>
    /// <param name="columns">Thumbnails per row; by default the square root of the count, rounded up.</param>
    /// <returns>The frames shown, in order.</returns>
    public async Task<IReadOnlyList<long>> RenderAsync(EditorTimeline timeline, FrameRate rate, int count, string outputPath,
        int thumbnailWidth = 320, int? columns = null, Color? background = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxFrames);
        ArgumentOutOfRangeException.ThrowIfLessThan(thumbnailWidth, 16);
        var totalFrames = timeline.ClockAt(rate).FrameCount(timeline.DurationTicks);
        if (totalFrames == 0)
        {
            throw new InvalidOperationException("The timeline is empty: there is no frame for a contact sheet.");
        }
        var scale = (double)thumbnailWidth / timeline.CompositionWidth;
        var thumbnailHeight = Math.Max(1, (int)Math.Round(timeline.CompositionHeight * scale));
        var viewport = new Viewport(thumbnailWidth, thumbnailHeight, scale, 0, 0, Color.Black);
        var frames = Enumerable.Range(0, count)
            .Select(i => count == 1 ? 0 : (long)Math.Round(i * (double)(totalFrames - 1) / (count - 1)))
            .ToList();
        var directory = Directory.CreateTempSubdirectory("grpcexports-contact-sheet-").FullName;
        try
        {
            var thumbnails = new List<string>(count);
            foreach (var frame in frames)
            {
                var path = Path.Combine(directory, $"{thumbnails.Count:D3}.png");
                await stills.RenderPngAsync(timeline, rate, frame, path, viewport, cancellationToken);
                thumbnails.Add(path);
            }
            var across = columns ?? (int)Math.Ceiling(Math.Sqrt(count));
            await ToolProcess.RunAsync(_tools.ImageMagickMontage,
            [
                .. thumbnails,
                "-tile", string.Create(CultureInfo.InvariantCulture, $"{across}x"),
                "-geometry", string.Create(CultureInfo.InvariantCulture, $"{thumbnailWidth}x{thumbnailHeight}+{Spacing}+{Spacing}"),
                "-background", (background ?? new Color(32, 32, 32)).ToString(),
                "png32:" + Path.GetFullPath(outputPath),
            ], cancellationToken: cancellationToken);
            return frames;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
