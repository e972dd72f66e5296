using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Rendering;

/// <summary>Contact sheets rendered with the real StillRenderer, ffmpeg and ImageMagick montage, read back pixel by pixel.</summary>
public sealed class ContactSheetTests
{
    private static readonly FrameRate Fps30 = FrameRate.FromFramesPerSecond(30);

    // One full-frame colour per second, for four seconds (120 frames).
    private static readonly string[] SecondColours = ["#ff0000", "#00ff00", "#0000ff", "#ffffff"];

    [Fact]
    public async Task Tile_k_shows_frame_k_and_the_sheet_has_the_tiles_size()
    {
        using var directory = new TemporaryDirectory();
        var timeline = FourColourSeconds();
        var output = Path.Combine(directory.Path, "sheet.png");

        var sheet = await new ContactSheet(new StillRenderer()).RenderAsync(timeline, Fps30, count: 6, columns: 4, tileWidth: 80, output);

        Assert.Equal([10L, 30, 50, 70, 90, 110], sheet.Frames); // the middle frame of each sixth of 120
        Assert.Equal((4, 2, 80, 45), (sheet.Columns, sheet.Rows, sheet.TileWidth, sheet.TileHeight));
        var png = await DecodedPng.ReadAsync(output, width: 320, height: 90); // fails unless the sheet is 320x90
        for (var k = 0; k < sheet.Frames.Count; k++)
        {
            var (x, y) = sheet.TileOrigin(k);
            var expected = Color.Parse(SecondColours[sheet.Frames[k] / 30]);
            foreach (var (dx, dy) in new[] { (1, 1), (40, 22), (78, 43) })
            {
                Assert.Equal(expected, png[x + dx, y + dy]);
            }
        }
        var (emptyX, emptyY) = sheet.TileOrigin(7);
        Assert.Equal(0, png[emptyX + 40, emptyY + 22].A); // the unused cells of the last row stay transparent
    }

    [Fact]
    public async Task An_empty_timeline_or_no_tiles_is_refused_and_leaves_no_files()
    {
        using var directory = new TemporaryDirectory();
        var output = Path.Combine(directory.Path, "sheet.png");
        var sheets = new ContactSheet(new StillRenderer());
        var empty = EditorStateReader.Parse(new EditorStateDocument(160, 90).Track("t").ToJson());

        await Assert.ThrowsAsync<ArgumentException>(() => sheets.RenderAsync(empty, Fps30, 4, 2, 80, output));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sheets.RenderAsync(FourColourSeconds(), Fps30, 0, 2, 80, output));

        Assert.False(File.Exists(output));
    }

    private static EditorTimeline FourColourSeconds()
    {
        var document = new EditorStateDocument(160, 90);
        var ids = new List<string>();
        for (var second = 0; second < SecondColours.Length; second++)
        {
            ids.Add($"s{second}");
            document.Solid($"s{second}", SecondColours[second], EditorStateDocument.Seconds(second), EditorStateDocument.Seconds(1),
                left: 0, top: 0, width: 160, height: 90);
        }
        return EditorStateReader.Parse(document.Track("t", [.. ids]).ToJson());
    }
}
