using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Gifs;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// Gif items through the real ImageMagick (identify for the delays, convert -coalesce for the frames) and ffmpeg (PNG):
/// a 3-frame gif, red for 0.1 s, green for 0.2 s, blue for 0.3 s, drawn at 30 fps (frame f is f/30 s into the item).
/// </summary>
public sealed class GifLayerTests : IDisposable
{
    private const int Width = 320;
    private const int Height = 180;

    private static readonly Color Red = new(255, 0, 0);
    private static readonly Color Green = new(0, 255, 0);
    private static readonly Color Blue = new(0, 0, 255);

    private readonly MediaRenderFixture _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task Each_frame_shows_for_its_own_delay_and_a_looping_gif_starts_over()
    {
        var json = await GifDocumentAsync(loop: true);

        // 0 s red; 0.133 s green; 0.267 s green; 0.333 s blue; 0.567 s blue; 0.633 s red again; 0.833 s green.
        var pngs = await _media.RenderAsync(json, Width, Height, 0, 4, 8, 10, 17, 19, 25);

        Color[] expected = [Red, Green, Green, Blue, Blue, Red, Green];
        for (var i = 0; i < expected.Length; i++)
        {
            PixelAssert.Near(expected[i], pngs[i][160, 90], tolerance: 2, where: $"render {i}");
        }
        PixelAssert.Near(Color.Black, pngs[0][10, 10], where: "outside the gif's box");
    }

    [Fact]
    public async Task A_gif_whose_decoded_frames_would_not_fit_in_memory_is_refused_before_any_frame_is_decoded()
    {
        // 140 frames at 1920x1080 RGBA are 1.16 GB, over the decoder's 1 GiB; the same gif drawn small is fine.
        var path = _media.MediaFile("long.gif");
        await ToolProcess.RunAsync(MediaTools.Default.ImageMagickConvert,
            ["-size", "4x4", .. Enumerable.Range(0, 140).Select(i => $"xc:rgb({i},0,0)"), "gif:" + path]);
        var magick = new ImageMagickRaster(MediaTools.Default);
        var decoder = new GifDecoder(magick);

        var refused = await Assert.ThrowsAsync<AssetUnavailableException>(() => decoder.DecodeAsync("gif-1", path, 1920, 1080, false, PixelCrop.None));
        var runsWhenRefused = magick.Runs;
        var small = await decoder.DecodeAsync("gif-1", path, 16, 16, false, PixelCrop.None);

        Assert.Contains("140 frames", refused.Message);
        Assert.Equal(1, runsWhenRefused);
        Assert.Equal(140, small.FrameCount);
    }

    [Fact]
    public async Task A_finite_gif_holds_its_last_frame_after_one_pass()
    {
        var json = await GifDocumentAsync(loop: false);

        var pngs = await _media.RenderAsync(json, Width, Height, 4, 19, 25, 50);

        PixelAssert.Near(Green, pngs[0][160, 90], tolerance: 2, where: "0.133 s");
        PixelAssert.Near(Blue, pngs[1][160, 90], tolerance: 2, where: "0.633 s, past the end");
        PixelAssert.Near(Blue, pngs[2][160, 90], tolerance: 2, where: "0.833 s");
        PixelAssert.Near(Blue, pngs[3][160, 90], tolerance: 2, where: "1.667 s");
    }

    [Fact]
    public async Task The_in_point_and_playback_rate_move_through_the_gif()
    {
        await TestImages.RedGreenBlueGifAsync(_media.MediaFile("rgb.gif"));
        var json = new EditorStateDocument(Width, Height)
            .Track("track-1", "from-blue")
            .Track("track-2", "fast")
            .GifAsset("gif-1", "rgb.gif", 8, 6, 0.6, loop: true)
            .Gif("from-blue", "gif-1", 0, Seconds(2), left: 0, top: 0, width: 160, height: 180, inSeconds: 0.35)
            .Gif("fast", "gif-1", 0, Seconds(2), left: 160, top: 0, width: 160, height: 180, playbackRate: 2)
            .BackgroundColor("#000000")
            .ToJson();

        var pngs = await _media.RenderAsync(json, Width, Height, 0, 3, 6, 8);

        PixelAssert.Near(Blue, pngs[0][80, 90], tolerance: 2, where: "in-point 0.35 s at 0 s");
        PixelAssert.Near(Blue, pngs[2][80, 90], tolerance: 2, where: "in-point 0.35 s at 0.2 s: 0.55 s");
        PixelAssert.Near(Red, pngs[3][80, 90], tolerance: 2, where: "in-point 0.35 s at 0.267 s: 0.617 s, past the end and looped");
        PixelAssert.Near(Red, pngs[0][240, 90], tolerance: 2, where: "rate 2 at 0 s");
        PixelAssert.Near(Green, pngs[1][240, 90], tolerance: 2, where: "rate 2 at 0.1 s: 0.2 s");
        PixelAssert.Near(Blue, pngs[2][240, 90], tolerance: 2, where: "rate 2 at 0.2 s: 0.4 s");
    }

    [Fact]
    public async Task The_frames_are_decoded_once_for_every_frame_of_the_export()
    {
        var json = await GifDocumentAsync(loop: true);

        await _media.RenderAsync(json, Width, Height, 0, 4, 10, 19, 25);

        // identify (the delays) and convert (every frame), once, however many frames were drawn.
        Assert.Equal(2, _media.Magick.Runs);
    }

    private async Task<string> GifDocumentAsync(bool loop)
    {
        await TestImages.RedGreenBlueGifAsync(_media.MediaFile("rgb.gif"));
        return new EditorStateDocument(Width, Height)
            .Track("track-1", "gif")
            .GifAsset("gif-1", "rgb.gif", 8, 6, 0.6, loop)
            .Gif("gif", "gif-1", 0, Seconds(2), left: 80, top: 45, width: 160, height: 90)
            .BackgroundColor("#000000")
            .ToJson();
    }
}
