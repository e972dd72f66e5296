using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Exports;
using GrpcExports.Tests.Projects;
using GrpcExports.Tests.Rendering;
using GrpcExports.Tests.Rendering.Export;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Assets;

/// <summary>
/// Exports find a document's assets among the uploaded assets (remoteKey = asset id) and in the media directory
/// (remoteKey = media:path, or a plain path), and never outside it: a symbolic link, a '..' or an absolute path is missing.
/// </summary>
public sealed class ExportAssetResolutionTests : IAsyncLifetime
{
    private readonly MediaSamples _samples = new();
    private AssetCheckServer _server = null!;

    public async Task InitializeAsync() => _server = await AssetCheckServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _samples.Dispose();
    }

    [Fact]
    public async Task An_export_draws_an_uploaded_asset_and_a_media_directory_file_side_by_side()
    {
        var red = (await _server.Assets.UploadAsync("red.png", await _samples.SolidPngAsync("red", 80, 90))).Asset;
        await _server.PutMediaAsync("stills/green.png", await _samples.SolidPngAsync("0x00ff00", 80, 90));
        var document = new EditorStateDocument(160, 90)
            .Track("track-1", "left")
            .Track("track-2", "right")
            .ImageAsset("uploaded", red.Id, 80, 90)
            .ImageAsset("media", "media:stills/green.png", 80, 90)
            .Image("left", "uploaded", 0, Seconds(0.5), left: 0, top: 0, width: 80, height: 90)
            .Image("right", "media", 0, Seconds(0.5), left: 80, top: 0, width: 80, height: 90);

        var created = (await _server.Server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = ProjectDocuments.Parse(document.ToJson()), Options = new ExportOptions { Fps = 10 },
        })).Export;
        var finished = (await _server.Server.Exports.WatchToEndAsync(created.Id))[^1];

        Assert.Equal(ExportStatus.Succeeded, finished.Status);
        var probed = await ProbedExport.ReadAsync(Assert.Single(_server.Server.OutputFiles()));
        var left = await probed.ColorAtAsync(2, 40, 45);
        var right = await probed.ColorAtAsync(2, 120, 45);
        Assert.True(left.R > 230 && left.G < 25 && left.B < 25, left.ToString());
        Assert.True(right.R < 25 && right.G > 230 && right.B < 25, right.ToString());
    }

    [Theory]
    [InlineData("media:linked.png")]
    [InlineData("media:linked-dir/secret.png")]
    [InlineData("media:../outside/secret.png")]
    [InlineData("../outside/secret.png")]
    [InlineData("absolute")]
    public async Task A_reference_that_would_leave_the_media_directory_is_a_missing_asset(string remoteKey)
    {
        var secret = Path.Combine(_server.Outside, "secret.png");
        await File.WriteAllBytesAsync(secret, await _samples.SolidPngAsync("red", 16, 16));
        File.CreateSymbolicLink(Path.Combine(_server.Server.MediaDirectory, "linked.png"), secret);
        Directory.CreateSymbolicLink(Path.Combine(_server.Server.MediaDirectory, "linked-dir"), _server.Outside);
        var key = remoteKey == "absolute" ? secret : remoteKey.Replace("../outside", Path.GetRelativePath(_server.Server.MediaDirectory, _server.Outside));

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = ExportDocuments.ImageFromMedia(key, 0.5),
        }));

        Assert.Equal((StatusCode.FailedPrecondition, "ASSETS_MISSING"), (error.StatusCode, error.Reason));
        Assert.Equal("picture", error.ErrorInfo!.Metadata["assetKeys"]);
        var violation = Assert.Single(error.Find<Google.Rpc.PreconditionFailure>()!.Violations);
        Assert.Equal(("ASSET", "picture"), (violation.Type, violation.Subject));
        Assert.DoesNotContain(_server.Outside, error.Detail + violation.Description);
        Assert.Empty(_server.Server.OutputFiles());
    }
}
