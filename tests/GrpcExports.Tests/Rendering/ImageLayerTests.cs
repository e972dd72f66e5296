using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>Image items through real ImageMagick (decode, crop, fit) and ffmpeg (PNG), asserted pixel by pixel.</summary>
public sealed class ImageLayerTests : IDisposable
{
    private static readonly Color Red = new(255, 0, 0);
    private static readonly Color Green = new(0, 255, 0);
    private static readonly Color Blue = new(0, 0, 255);
    private static readonly Color Yellow = new(255, 255, 0);

    private readonly MediaRenderFixture _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task A_png_fills_its_box_with_its_colours_and_keeps_its_transparent_corner()
    {
        await TestImages.RedBluePngAsync(_media.MediaFile("halves.png"));
        var json = new EditorStateDocument(640, 360)
            .Track("track-1", "image")
            .ImageAsset("asset-1", "halves.png", 40, 20)
            .Image("image", "asset-1", 0, Seconds(1), left: 100, top: 50, width: 200, height: 100)
            .NoBackground()
            .ToJson();

        var png = await _media.RenderAsync(json, 640, 360);

        PixelAssert.Near(Red, png[150, 120], where: "left half");
        PixelAssert.Near(Blue, png[250, 120], where: "right half");
        PixelAssert.Near(Blue, png[298, 148], where: "bottom-right inside the box");
        Assert.Equal(0, png[102, 52].A); // the source's transparent 5x5 corner, 25x25 on the output
        Assert.Equal(0, png[99, 120].A);
        Assert.Equal(0, png[300, 120].A);
        Assert.Equal(0, png[200, 49].A);
        Assert.Equal(0, png[200, 150].A);
    }

    [Fact]
    public async Task A_jpeg_is_drawn_with_its_colours_within_compression_error()
    {
        await TestImages.RedBlueJpegAsync(_media.MediaFile("halves.jpg"));
        var json = new EditorStateDocument(640, 360)
            .Track("track-1", "image")
            .ImageAsset("asset-1", "halves.jpg", 40, 20, "image/jpeg")
            .Image("image", "asset-1", 0, Seconds(1), left: 100, top: 50, width: 200, height: 100)
            .BackgroundColor("#ffffff")
            .ToJson();

        var png = await _media.RenderAsync(json, 640, 360);

        PixelAssert.Near(Red, png[140, 100], tolerance: 3, where: "left half");
        PixelAssert.Near(Blue, png[260, 100], tolerance: 3, where: "right half");
        PixelAssert.Near(Color.White, png[99, 100], where: "left of the box");
        PixelAssert.Near(Color.White, png[300, 100], where: "right of the box");
    }

    [Fact]
    public async Task Keep_aspect_ratio_fits_the_image_inside_its_box_between_transparent_bars()
    {
        await TestImages.RedBluePngAsync(_media.MediaFile("halves.png"));
        var json = new EditorStateDocument(640, 360)
            .Track("track-1", "image")
            .ImageAsset("asset-1", "halves.png", 40, 20)
            .Image("image", "asset-1", 0, Seconds(1), left: 100, top: 50, width: 200, height: 200, keepAspectRatio: true)
            .NoBackground()
            .ToJson();

        var png = await _media.RenderAsync(json, 640, 360);

        // 40x20 fitted into 200x200 is 200x100, centred: rows 100..199, bars at 50..99 and 200..249.
        Assert.Equal(0, png[200, 60].A);
        Assert.Equal(0, png[200, 97].A);
        Assert.Equal(0, png[200, 203].A);
        Assert.Equal(0, png[200, 240].A);
        PixelAssert.Near(Red, png[150, 150], where: "left half");
        PixelAssert.Near(Blue, png[250, 150], where: "right half");
        PixelAssert.Near(Blue, png[250, 102], where: "first rows of the picture");
    }

    [Fact]
    public async Task Crop_trims_the_source_before_it_is_fitted_to_the_box()
    {
        await TestImages.QuadrantsPngAsync(_media.MediaFile("quadrants.png"));
        var json = new EditorStateDocument(640, 360)
            .Track("track-1", "green")
            .Track("track-2", "blue")
            .Track("track-3", "yellow")
            .ImageAsset("asset-1", "quadrants.png", 100, 100)
            .Image("green", "asset-1", 0, Seconds(1), left: 0, top: 0, width: 100, height: 100, cropLeft: 50, cropBottom: 50)
            .Image("blue", "asset-1", 0, Seconds(1), left: 200, top: 0, width: 100, height: 100, cropTop: 50, cropRight: 50)
            .Image("yellow", "asset-1", 0, Seconds(1), left: 400, top: 0, width: 200, height: 100, cropLeft: 50, cropTop: 50)
            .NoBackground()
            .ToJson();

        var png = await _media.RenderAsync(json, 640, 360);

        foreach (var (x, y) in new[] { (2, 2), (50, 50), (97, 97) })
        {
            PixelAssert.Near(Green, png[x, y], where: $"green crop ({x}, {y})");
            PixelAssert.Near(Blue, png[200 + x, y], where: $"blue crop ({200 + x}, {y})");
            PixelAssert.Near(Yellow, png[400 + 2 * x, y], where: $"yellow crop ({400 + 2 * x}, {y})");
        }
    }

    [Fact]
    public async Task An_svg_keeps_its_transparency()
    {
        await TestImages.CircleSvgAsync(_media.MediaFile("circle.svg"));
        var json = new EditorStateDocument(320, 180)
            .Track("track-1", "image")
            .ImageAsset("asset-1", "circle.svg", 100, 100, "image/svg+xml")
            .Image("image", "asset-1", 0, Seconds(1), left: 10, top: 10, width: 100, height: 100)
            .NoBackground()
            .ToJson();

        var png = await _media.RenderAsync(json, 320, 180);

        PixelAssert.Near(Green, png[60, 60], where: "circle centre");
        PixelAssert.Near(Green, png[60, 25], where: "inside the circle's top");
        // Outside the circle the SVG has nothing: transparent, not flattened onto white (the PATH convert stand-in would).
        Assert.Equal(0, png[12, 12].A);
        Assert.Equal(0, png[107, 107].A);
    }

    [Fact]
    public async Task An_svg_drawn_larger_than_its_natural_size_is_rendered_sharp_not_upscaled()
    {
        await TestImages.CircleSvgAsync(_media.MediaFile("circle.svg"));
        var json = new EditorStateDocument(640, 480)
            .Track("track-1", "image")
            .ImageAsset("asset-1", "circle.svg", 100, 100, "image/svg+xml")
            .Image("image", "asset-1", 0, Seconds(1), left: 0, top: 0, width: 400, height: 400)
            .NoBackground()
            .ToJson();

        var png = await _media.RenderAsync(json, 640, 480);

        // Across the circle's middle row: one antialiased pixel or two at each edge, not a 4x-upscaled ramp.
        var partial = Enumerable.Range(0, 400).Count(x => png[x, 200].A is > 0 and < 255);
        Assert.InRange(partial, 1, 4);
        PixelAssert.Near(Green, png[200, 200]);
        Assert.Equal(0, png[20, 20].A);
    }

    [Fact]
    public async Task The_same_image_at_the_same_size_is_prepared_once_across_items_and_frames()
    {
        await TestImages.RedBluePngAsync(_media.MediaFile("halves.png"));
        File.Copy(_media.MediaFile("halves.png"), _media.MediaFile("copy.png"));
        var json = new EditorStateDocument(640, 360)
            .Track("track-1", "a")
            .Track("track-2", "b")
            .Track("track-3", "c")
            .Track("track-4", "small")
            .ImageAsset("asset-1", "halves.png", 40, 20)
            .ImageAsset("asset-2", "copy.png", 40, 20)
            .Image("a", "asset-1", 0, Seconds(1), left: 0, top: 0, width: 200, height: 100)
            .Image("b", "asset-1", 0, Seconds(1), left: 0, top: 200, width: 200, height: 100)
            .Image("c", "asset-2", 0, Seconds(1), left: 300, top: 0, width: 200, height: 100)
            .Image("small", "asset-1", 0, Seconds(1), left: 300, top: 200, width: 100, height: 50)
            .NoBackground()
            .ToJson();

        var pngs = await _media.RenderAsync(json, 640, 360, 0, 10, 20);

        // Four items on three frames, two files with the same bytes, two sizes: two ImageMagick runs.
        Assert.Equal(2, _media.Magick.Runs);
        foreach (var png in pngs)
        {
            PixelAssert.Near(Red, png[50, 250]);
            PixelAssert.Near(Blue, png[450, 50]);
            PixelAssert.Near(Blue, png[390, 240]);
        }
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_the_asset()
    {
        var timeline = EditorStateReader.Parse(new EditorStateDocument(320, 180)
            .Track("track-1", "image")
            .ImageAsset("asset-missing", "nowhere.png", 40, 20)
            .Image("image", "asset-missing", 0, Seconds(1), left: 0, top: 0, width: 100, height: 100)
            .ToJson());

        var error = Assert.Throws<AssetUnavailableException>(() =>
            _media.Renderer(timeline).Render(timeline, MediaRenderFixture.Fps30, 0));

        Assert.Equal("asset-missing", error.AssetId);
        Assert.Contains("asset-missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("nowhere.png", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("sub/../../outside.png")]
    [InlineData("/etc/hostname")]
    public void A_key_outside_the_media_directory_is_refused(string key)
    {
        var resolver = new MediaDirectoryAssetResolver(_media.MediaDirectory);
        var asset = new TimelineAsset { Id = "asset-escape", Type = "image", RemoteKey = key };

        var error = Assert.Throws<AssetUnavailableException>(() => resolver.ResolveFile(asset));

        Assert.Contains("outside the media directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_imagemagick_cannot_read_is_an_error_naming_the_asset_and_quoting_imagemagick()
    {
        await File.WriteAllTextAsync(_media.MediaFile("broken.png"), "not a picture");
        var timeline = EditorStateReader.Parse(new EditorStateDocument(320, 180)
            .Track("track-1", "image")
            .ImageAsset("asset-broken", "broken.png", 40, 20)
            .Image("image", "asset-broken", 0, Seconds(1), left: 0, top: 0, width: 100, height: 100)
            .ToJson());

        var error = Assert.Throws<ImageMagickFailedException>(() =>
            _media.Renderer(timeline).Render(timeline, MediaRenderFixture.Fps30, 0));

        Assert.Contains("asset 'asset-broken'", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.StandardError));
        Assert.Contains(error.StandardError.Trim(), error.Message, StringComparison.Ordinal);
    }
}
