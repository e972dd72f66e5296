using System.Text;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using GrpcExports.Rendering.Video;
using GrpcExports.Tests.Rendering;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Security.HostileMedia;

/// <summary>
/// Crafted files in the media directory, rendered by the real ffmpeg and ImageMagick: each is refused before it reads
/// the file it names. Each attack is first shown to work against the tools run without our options or policy, so a
/// test whose guard went missing fails.
/// </summary>
public sealed class HostileRenderingTests : IDisposable
{
    private readonly MediaRenderFixture _media = new();
    private readonly TemporaryDirectory _outside = new();

    public void Dispose()
    {
        _media.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public async Task An_hls_playlist_decodes_no_segment()
    {
        var segment = await SegmentAsync(Path.Combine(_outside.Path, "segment.ts"));
        await File.WriteAllBytesAsync(_media.MediaFile("clip.m3u8"), CraftedMedia.HlsPlaylist(segment.Path, "http://127.0.0.1:9/segment.ts"));
        await AssertUnguardedFfmpegReadsAsync(_media.MediaFile("clip.m3u8"), segment);

        var error = Assert.Throws<VideoDecodeException>(() => DecodeFirstFrame(_media.MediaFile("clip.m3u8")));

        Assert.Contains("whitelist", error.Message, StringComparison.Ordinal);
        Assert.False(segment.WasRead, "the decoder read the playlist's segment");
    }

    [Fact]
    public async Task A_concat_list_decodes_none_of_its_files()
    {
        var segment = await SegmentAsync(_media.MediaFile("segment.ts"));
        await File.WriteAllBytesAsync(_media.MediaFile("list.txt"), CraftedMedia.ConcatList("segment.ts"));
        await AssertUnguardedFfmpegReadsAsync(_media.MediaFile("list.txt"), segment);

        var error = Assert.Throws<VideoDecodeException>(() => DecodeFirstFrame(_media.MediaFile("list.txt")));

        Assert.Contains("whitelist", error.Message, StringComparison.Ordinal);
        Assert.False(segment.WasRead, "the decoder read a file the concat list names");
    }

    [Fact]
    public async Task An_svg_drawing_a_local_png_is_not_drawn()
    {
        var picture = Sentinel.Write(Path.Combine(_outside.Path, "private.png"), await File.ReadAllBytesAsync(await RedPngAsync()));
        await File.WriteAllTextAsync(_media.MediaFile("logo.svg"), CraftedMedia.SvgWithImage(picture.Path));
        await AssertUnguardedImageMagickReadsAsync("msvg:" + _media.MediaFile("logo.svg"), picture);

        var error = await Assert.ThrowsAsync<AssetUnavailableException>(() => RenderSvgAsync("logo.svg"));

        Assert.Contains("outside itself", error.Message, StringComparison.Ordinal);
        Assert.False(picture.WasRead, "the renderer read the picture the SVG names");
    }

    [Fact]
    public async Task An_svg_with_an_external_entity_is_not_drawn()
    {
        var secret = Sentinel.Secret(_outside.Path);
        await File.WriteAllTextAsync(_media.MediaFile("entity.svg"), CraftedMedia.SvgWithEntity(secret.Path));

        var error = await Assert.ThrowsAsync<AssetUnavailableException>(() => RenderSvgAsync("entity.svg"));

        Assert.Contains("outside itself", error.Message, StringComparison.Ordinal);
        Assert.False(secret.WasRead, "the renderer read the SVG's external entity");
    }

    [Fact]
    public async Task The_policy_alone_refuses_to_decode_a_text_file_an_svg_names()
    {
        // Past the renderer's own check, ImageMagick run as the renderer runs it still opens the file to learn its
        // type, but its coder is not allowed: nothing of it comes out.
        var secret = Sentinel.Secret(_outside.Path);
        var svg = _media.MediaFile("text.svg");
        await File.WriteAllTextAsync(svg, CraftedMedia.SvgWithImage(secret.Path));
        var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<MediaToolFailedException>(() => MediaTools.Default.RunAsync(MediaTool.ImageMagickConvert,
            ["msvg:" + svg, "-depth", "8", "rgba:-"], readOutput: (stream, token) => stream.CopyToAsync(output, token)));

        Assert.Contains("security policy `TXT'", error.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task A_drawing_script_named_like_a_png_is_read_as_a_png_and_not_interpreted()
    {
        var picture = Sentinel.Write(Path.Combine(_outside.Path, "private.png"), await File.ReadAllBytesAsync(await RedPngAsync()));
        await File.WriteAllTextAsync(_media.MediaFile("script.png"), $"viewbox 0 0 100 100\nimage over 0,0 100,100 '{picture.Path}'\n");
        var json = new EditorStateDocument(100, 100)
            .Track("track-1", "image")
            .ImageAsset("asset-1", "script.png", 100, 100)
            .Image("image", "asset-1", 0, Seconds(1), left: 0, top: 0, width: 100, height: 100)
            .ToJson();

        var error = await Assert.ThrowsAsync<ImageMagickFailedException>(() => _media.RenderAsync(json, 100, 100));

        Assert.Contains("improper image header", error.StandardError, StringComparison.Ordinal);
        Assert.False(picture.WasRead, "the drawing script was interpreted");
    }

    [Fact]
    public async Task A_clean_svg_and_text_still_render_under_the_policy()
    {
        await TestImages.CircleSvgAsync(_media.MediaFile("circle.svg"));
        var svg = await RenderSvgAsync("circle.svg");
        var caption = new byte[120 * 40 * 4];

        await MediaTools.Default.RunAsync(MediaTool.ImageMagickConvert,
            ["-background", "none", "-fill", "white", "-size", "120x40", "caption:Hostile?", "-depth", "8", "rgba:-"],
            readOutput: async (stream, token) => await stream.ReadExactlyAsync(caption, token));

        PixelAssert.Near(new Color(0, 255, 0, 255), svg[50, 50], where: "the circle's centre");
        Assert.Contains(caption.Where((_, index) => index % 4 == 3), alpha => alpha == 255);
    }

    private async Task<DecodedPng> RenderSvgAsync(string fileName)
    {
        var json = new EditorStateDocument(100, 100)
            .Track("track-1", "image")
            .ImageAsset("asset-1", fileName, 100, 100, "image/svg+xml")
            .Image("image", "asset-1", 0, Seconds(1), left: 0, top: 0, width: 100, height: 100)
            .NoBackground()
            .ToJson();
        return await _media.RenderAsync(json, 100, 100);
    }

    private static void DecodeFirstFrame(string path)
    {
        using var decoder = new VideoDecoder(MediaTools.Default,
            new VideoDecodeRequest("clip", path, 0, 1, FrameRate.FromFramesPerSecond(25), PixelCrop.None, 64, 48, KeepAspectRatio: false),
            CancellationToken.None);
        decoder.TryFrameAt(0, out _);
    }

    private async Task<Sentinel> SegmentAsync(string path) =>
        Sentinel.Write(path, await CraftedMedia.TransportStreamAsync(_outside.Path));

    private async Task<string> RedPngAsync()
    {
        var path = Path.Combine(_outside.Path, $"{Guid.NewGuid():N}.png");
        await ToolProcess.RunAsync(MediaTools.Default.ImageMagickConvert, ["-size", "100x100", "xc:#ff0000", "png32:" + path]);
        return path;
    }

    /// <summary>Shows the attack is real: ffmpeg without our input options reads <paramref name="target"/>; its access time is then reset.</summary>
    private static async Task AssertUnguardedFfmpegReadsAsync(string path, Sentinel target)
    {
        await ExternalProcess.RunAsync(MediaTools.Default.Ffmpeg, ["-v", "error", "-i", "file:" + path, "-frames:v", "1", "-f", "null", "-"]);
        Assert.True(target.WasRead, "ffmpeg without the whitelists did not read the target: the attack itself no longer works");
        target.ResetAccess();
    }

    /// <summary>Shows the attack is real: ImageMagick without our policy reads <paramref name="target"/>; its access time is then reset.</summary>
    private static async Task AssertUnguardedImageMagickReadsAsync(string input, Sentinel target)
    {
        await ExternalProcess.RunAsync(MediaTools.Default.ImageMagickConvert, [input, "-depth", "8", "rgba:-"]);
        Assert.True(target.WasRead, "ImageMagick without our policy did not read the target: the attack itself no longer works");
        target.ResetAccess();
    }
}
