using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>Contact sheets through the real ffmpeg (thumbnails) and ImageMagick montage (the grid).</summary>
public sealed class ContactSheetTests : IDisposable
{
    private readonly MediaRenderFixture _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task Frames_spread_from_first_to_last_are_laid_out_row_by_row()
    {
        // Red for the first second, blue for the second: 60 frames at 30 fps.
        var json = new EditorStateDocument(320, 180)
            .Track("track-1", "red", "blue")
            .Solid("red", "#ff0000", 0, Seconds(1), left: 0, top: 0, width: 320, height: 180)
            .Solid("blue", "#0000ff", Seconds(1), Seconds(1), left: 0, top: 0, width: 320, height: 180)
            .ToJson();
        var timeline = EditorStateReader.Parse(json);
        var path = _media.MediaFile("sheet.png");

        var frames = await new ContactSheetRenderer(_media.Renderer(timeline))
            .RenderAsync(timeline, MediaRenderFixture.Fps30, 4, path, thumbnailWidth: 64, background: Color.White);

        Assert.Equal([0L, 20, 39, 59], frames);
        // 2x2 tiles of 64x36 with 2 pixels around each: 136x80.
        var sheet = await DecodedPng.ReadAsync(path, 136, 80);
        PixelAssert.Near(new Color(255, 0, 0), sheet[34, 20], where: "frame 0");
        PixelAssert.Near(new Color(255, 0, 0), sheet[102, 20], where: "frame 20");
        PixelAssert.Near(new Color(0, 0, 255), sheet[34, 60], where: "frame 39");
        PixelAssert.Near(new Color(0, 0, 255), sheet[102, 60], where: "frame 59");
        PixelAssert.Near(Color.White, sheet[1, 1], where: "spacing");
    }

    [Fact]
    public async Task A_count_outside_1_to_100_is_refused()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(320, 180)
            .Track("track-1", "red").Solid("red", "#ff0000", 0, Seconds(1), 0, 0, 320, 180).ToJson());
        var sheets = new ContactSheetRenderer(_media.Renderer(timeline));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sheets.RenderAsync(timeline, MediaRenderFixture.Fps30, 0, "never.png"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sheets.RenderAsync(timeline, MediaRenderFixture.Fps30, 101, "never.png"));
        Assert.False(File.Exists("never.png"));
    }
}
