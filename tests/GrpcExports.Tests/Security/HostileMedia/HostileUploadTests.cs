using System.Text;
using GrpcExports.Client;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Assets;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Security.HostileMedia;

/// <summary>
/// Crafted uploads against the real server, ffprobe and ImageMagick: each is refused as MEDIA_UNREADABLE, keeps nothing,
/// and reads no file it names (a sentinel's access time would show it).
/// </summary>
public sealed class HostileUploadTests(AssetServerFixture server) : IClassFixture<AssetServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();
    private readonly TemporaryDirectory _outside = new();

    private AssetServiceClient Assets => new(_connection);

    public void Dispose()
    {
        _outside.Dispose();
        _connection.Dispose();
    }

    [Fact]
    public async Task An_hls_playlist_naming_a_local_segment_and_a_url_is_refused_and_reads_neither()
    {
        var segment = Sentinel.Write(Path.Combine(_outside.Path, "segment.ts"), await CraftedMedia.TransportStreamAsync(_outside.Path));
        var playlist = CraftedMedia.HlsPlaylist(segment.Path, "http://127.0.0.1:9/segment.ts");

        var error = await server.RefusedAsync(() => Assets.UploadAsync("clip.mp4", playlist));

        AssertUnreadable(error, "clip.mp4");
        Assert.False(segment.WasRead, "the upload read the playlist's segment");
    }

    [Fact]
    public async Task A_concat_list_is_refused_and_reads_none_of_its_files()
    {
        var segment = Sentinel.Write(Path.Combine(_outside.Path, "segment.ts"), await CraftedMedia.TransportStreamAsync(_outside.Path));
        var list = CraftedMedia.ConcatList(segment.Path, "segment.ts");

        var error = await server.RefusedAsync(() => Assets.UploadAsync("list.mp4", list));

        AssertUnreadable(error, "list.mp4");
        Assert.False(segment.WasRead, "the upload read a file the concat list names");
    }

    [Fact]
    public async Task An_svg_that_reads_a_local_file_uploaded_as_a_png_is_refused_without_reading_it()
    {
        var secret = Sentinel.Secret(_outside.Path);
        var svg = Encoding.UTF8.GetBytes(CraftedMedia.SvgWithImage("text:" + secret.Path));

        var error = await server.RefusedAsync(() => Assets.UploadAsync("logo.png", svg));

        AssertUnreadable(error, "logo.png");
        Assert.False(secret.WasRead, "the upload read the file the SVG names");
        Assert.DoesNotContain(Encoding.UTF8.GetString(secret.Content), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20_000, 20_000)] // wider and taller than ImageMagick's side limit (16384)
    [InlineData(16_000, 16_000)] // within it, but 256 megapixels: more pixel cache than the memory and disk limits allow
    public async Task A_png_declaring_huge_dimensions_is_refused(int width, int height)
    {
        var bomb = CraftedMedia.PngBomb(width, height);

        var error = await server.RefusedAsync(() => Assets.UploadAsync("bomb.png", bomb));

        AssertUnreadable(error, "bomb.png");
    }

    [Fact]
    public async Task A_gif_of_ten_thousand_frames_is_refused_by_the_frame_limit()
    {
        var gif = await CraftedMedia.GifAsync(_outside.Path, frames: 10_000);

        var error = await server.RefusedAsync(() => Assets.UploadAsync("frames.gif", gif));

        AssertUnreadable(error, "frames.gif");
    }

    [Fact]
    public async Task A_gif_within_the_frame_limit_is_still_stored()
    {
        var gif = await CraftedMedia.GifAsync(_outside.Path, frames: 300);

        var asset = (await Assets.UploadAsync("frames.gif", gif)).Asset;

        Assert.Equal((300, 4, 4), (asset.Media.FrameCount, asset.Media.Width, asset.Media.Height));
    }

    private void AssertUnreadable(RpcException error, string fileName)
    {
        Assert.Equal((StatusCode.InvalidArgument, "MEDIA_UNREADABLE"), (error.StatusCode, error.Reason));
        Assert.Equal(fileName, error.ErrorInfo!.Metadata["fileName"]);
        Assert.DoesNotContain(server.AssetDirectory, error.Message, StringComparison.Ordinal);
    }
}
