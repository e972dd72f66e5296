using System.Security.Cryptography;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.Assets;

/// <summary>UploadAsset against the real server, ffprobe and ImageMagick: what is stored and what is probed.</summary>
public sealed class AssetUploadTests(AssetServerFixture server) : IClassFixture<AssetServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();
    private readonly MediaSamples _samples = new();

    private AssetServiceClient Assets => new(_connection);

    public void Dispose()
    {
        _samples.Dispose();
        _connection.Dispose();
    }

    [Fact]
    public async Task StoresAVideoWithItsSha256AndProbedFacts()
    {
        var video = await _samples.VideoAsync(seconds: 3);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(video));

        var response = await Assets.UploadAsync("clip.mp4", video, sizeBytes: video.Length, sha256: sha256);

        var asset = response.Asset;
        Assert.Equal(("clip.mp4", "video/mp4", AssetKind.Video, (long)video.Length, sha256), (asset.FileName, asset.MediaType, asset.Kind, asset.SizeBytes, asset.Sha256));
        var media = asset.Media;
        Assert.Equal((320, 240, 25.0, "h264", "aac", true, true, 48000), (media.Width, media.Height, media.FrameRate, media.VideoCodec, media.AudioCodec,
            media.HasVideo, media.HasAudio, media.AudioSampleRate));
        Assert.Equal("mov,mp4,m4a,3gp,3g2,mj2", media.FormatName);
        Assert.InRange(media.Duration.ToTimeSpan().TotalSeconds, 2.9, 3.1);
        Assert.Equal(75, media.FrameCount);
        var stored = Path.Combine(server.AssetDirectory, "content", sha256[..2], sha256);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(stored))));
        Assert.Equal(asset, (await Assets.GetAssetAsync(new GetAssetRequest { AssetId = asset.Id })).Asset);
    }

    [Fact]
    public async Task StoresAnImageWithItsSizeFromIdentify()
    {
        var png = await _samples.PngAsync(64, 48);

        var asset = (await Assets.UploadAsync("logo.png", png)).Asset;

        Assert.Equal(("image/png", AssetKind.Image, 64, 48, "png", false), (asset.MediaType, asset.Kind, asset.Media.Width, asset.Media.Height,
            asset.Media.FormatName, asset.Media.HasVideo));
    }

    [Fact]
    public async Task StoresAudioAndAnimatedGifsAsTheirKinds()
    {
        var wav = (await Assets.UploadAsync("tone.wav", await _samples.WavAsync(seconds: 2))).Asset;
        var gif = (await Assets.UploadAsync("anim.gif", await _samples.AnimatedGifAsync(frames: 5))).Asset;

        Assert.Equal(("audio/wav", AssetKind.Audio, false, true, 44100, 2, "pcm_s16le"), (wav.MediaType, wav.Kind, wav.Media.HasVideo,
            wav.Media.HasAudio, wav.Media.AudioSampleRate, wav.Media.AudioChannels, wav.Media.AudioCodec));
        Assert.InRange(wav.Media.Duration.ToTimeSpan().TotalSeconds, 1.99, 2.01);
        Assert.Equal(("image/gif", AssetKind.Gif, 40, 30, 5L, 10.0), (gif.MediaType, gif.Kind, gif.Media.Width, gif.Media.Height,
            gif.Media.FrameCount, gif.Media.FrameRate));
        Assert.Equal(TimeSpan.FromSeconds(0.5), gif.Media.Duration.ToTimeSpan());
    }

    [Fact]
    public async Task StoresTheSameBytesOnceAndGivesEachUploadItsOwnRecord()
    {
        var video = await _samples.VideoAsync(seconds: 1);
        var before = await server.StoredAsync();

        var first = await Assets.UploadAsync("a.mp4", video);
        var second = await Assets.UploadAsync("b.mp4", video, mediaType: "video/mp4");

        var after = await server.StoredAsync();
        Assert.False(first.ContentDeduplicated);
        Assert.True(second.ContentDeduplicated);
        Assert.NotEqual(first.Asset.Id, second.Asset.Id);
        Assert.Equal(first.Asset.Sha256, second.Asset.Sha256);
        Assert.Equal(before.Rows + 2, after.Rows);
        Assert.Equal(before.ContentFiles.Length + 1, after.ContentFiles.Length);
        Assert.Empty(after.IncomingFiles);
    }

    [Fact]
    public async Task ConcurrentUploadsOfTheSameBytesKeepOneFileAndCountOneAsNew()
    {
        var png = await _samples.PngAsync(50, 50);
        var before = await server.StoredAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Assets.UploadAsync($"same-{i}.png", png)));

        var after = await server.StoredAsync();
        Assert.Equal(before.Rows + 4, after.Rows);
        Assert.Equal(before.ContentFiles.Length + 1, after.ContentFiles.Length);
        Assert.Single(responses, r => !r.ContentDeduplicated);
        Assert.Empty(after.IncomingFiles);
    }

    [Fact]
    public async Task RefusesAPngNamedMp4AsAMediaTypeMismatchAndKeepsNothing()
    {
        var png = await _samples.PngAsync(32, 32);

        var error = await server.RefusedAsync(() => Assets.UploadAsync("photo.mp4", png));

        Assert.Equal((StatusCode.InvalidArgument, "MEDIA_TYPE_MISMATCH"), (error.StatusCode, error.Reason));
        Assert.Equal(("video/mp4", "image/png"), (error.ErrorInfo!.Metadata["claimedType"], error.ErrorInfo.Metadata["detectedType"]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RefusesATruncatedMp4AsUnreadableAndKeepsNothing(bool fastStart)
    {
        var video = await _samples.VideoAsync(seconds: 2, fastStart);

        var error = await server.RefusedAsync(() => Assets.UploadAsync("cut.mp4", video[..(video.Length / 2)]));

        Assert.Equal((StatusCode.InvalidArgument, "MEDIA_UNREADABLE"), (error.StatusCode, error.Reason));
        Assert.Equal("cut.mp4", error.ErrorInfo!.Metadata["fileName"]);
        Assert.DoesNotContain(server.AssetDirectory, error.Message);
    }

    [Fact]
    public async Task RefusesAZeroByteFileAsUnreadableAndKeepsNothing()
    {
        var error = await server.RefusedAsync(() => Assets.UploadAsync("empty.mp4", []));

        Assert.Equal((StatusCode.InvalidArgument, "MEDIA_UNREADABLE"), (error.StatusCode, error.Reason));
    }

    [Fact]
    public async Task RefusesAFileOverTheCapAsSoonAsItCrossesItAndKeepsNothing()
    {
        var chunk = new byte[1024 * 1024];
        var sent = 0;
        IEnumerable<byte[]> Endless()
        {
            while (true)
            {
                sent++;
                yield return chunk;
            }
        }

        var error = await server.RefusedAsync(() => Assets.UploadAsync(new AssetUploadHeader { FileName = "huge.mp4" }, Endless()));

        Assert.Equal((StatusCode.ResourceExhausted, "PAYLOAD_TOO_LARGE"), (error.StatusCode, error.Reason));
        Assert.Equal((AssetServerFixture.MaxUploadBytes.ToString(), "upload"), (error.ErrorInfo!.Metadata["limitBytes"], error.ErrorInfo.Metadata["what"]));
        // The writer fails once the server has answered; flow control lets a few more chunks through first.
        Assert.InRange(sent, AssetServerFixture.MaxUploadBytes / chunk.Length + 1, 64);
    }

    [Fact]
    public async Task RefusesADeclaredSizeOverTheCapBeforeAnyBytes()
    {
        var error = await server.RefusedAsync(() => Assets.UploadAsync(
            new AssetUploadHeader { FileName = "huge.mp4", SizeBytes = AssetServerFixture.MaxUploadBytes + 1 }, []));

        Assert.Equal((StatusCode.ResourceExhausted, "PAYLOAD_TOO_LARGE"), (error.StatusCode, error.Reason));
    }

    [Fact]
    public async Task RefusesAStreamEndingShortOfItsDeclaredSizeOrChecksum()
    {
        var video = await _samples.VideoAsync(seconds: 1);

        var shortError = await server.RefusedAsync(() => Assets.UploadAsync("clip.mp4", video[..1000], sizeBytes: video.Length));
        var checksumError = await server.RefusedAsync(() => Assets.UploadAsync("clip.mp4", video, sha256: new string('0', 64)));

        Assert.Equal((StatusCode.InvalidArgument, "UPLOAD_INCOMPLETE"), (shortError.StatusCode, shortError.Reason));
        Assert.Equal((video.Length.ToString(), "1000"), (shortError.ErrorInfo!.Metadata["declaredSize"], shortError.ErrorInfo.Metadata["receivedSize"]));
        Assert.Equal((StatusCode.InvalidArgument, "CHECKSUM_MISMATCH"), (checksumError.StatusCode, checksumError.Reason));
    }

    [Fact]
    public async Task RefusesAStreamWithoutAHeaderFirst()
    {
        using var call = Assets.UploadAssetAsync();
        await call.RequestStream.WriteAsync(new UploadAssetRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(1, 2, 3) });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "UPLOAD_INCOMPLETE"), (error.StatusCode, error.Reason));
    }

    [Theory]
    [InlineData("../clip.mp4")]
    [InlineData("dir/clip.mp4")]
    [InlineData("c:\\clip.mp4")]
    [InlineData("bad<name>.mp4")]
    [InlineData("tab\tname.mp4")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("clip.exe")]
    [InlineData("clip.png")]
    public async Task RefusesABadFileNameNamingTheField(string fileName)
    {
        var error = await server.RefusedAsync(() => Assets.UploadAsync(fileName, [1, 2, 3], mediaType: fileName == "clip.png" ? "video/mp4" : ""));

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_FILE_NAME"), (error.StatusCode, error.Reason));
        Assert.Equal("header.file_name", Assert.Single(error.BadRequest!.FieldViolations).Field);
        Assert.Equal(fileName, error.ErrorInfo!.Metadata["fileName"]);
    }

    [Fact]
    public async Task RefusesAnUnknownProjectBeforeReadingTheBytes()
    {
        var projectId = Guid.NewGuid().ToString();

        var error = await server.RefusedAsync(() => Assets.UploadAsync("clip.mp4", [1, 2, 3], projectId: projectId));

        Assert.Equal((StatusCode.NotFound, "PROJECT_NOT_FOUND"), (error.StatusCode, error.Reason));
    }

    [Fact]
    public async Task ACancelledUploadLeavesNoFileBehind()
    {
        var before = await server.StoredAsync();
        using (var call = Assets.UploadAssetAsync())
        {
            await call.RequestStream.WriteAsync(new UploadAssetRequest { Header = new AssetUploadHeader { FileName = "partial.mp4" } });
            await call.RequestStream.WriteAsync(new UploadAssetRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(new byte[512 * 1024]) });
            await WaitUntilAsync(async () => (await server.StoredAsync()).IncomingFiles.Length > before.IncomingFiles.Length);
        }

        await WaitUntilAsync(async () => (await server.StoredAsync()).IncomingFiles.Length == before.IncomingFiles.Length);
        Assert.Equal(before, await server.StoredAsync(), StoredAssetsComparer.Instance);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; the limit only guards against a hang.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var hangGuard = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < hangGuard, "The condition did not come true.");
            await Task.Delay(20);
        }
    }
}
