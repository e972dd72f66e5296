using System.Text.Json;
using GrpcExports.Tests.Independent;

namespace GrpcExports.Tests.Assets;

/// <summary>AssetService as `buf curl` (an independent gRPC client) uses it: a client-streamed upload as JSON messages, then reads.</summary>
public sealed class AssetBufCurlTests(AssetServerFixture server) : IClassFixture<AssetServerFixture>, IDisposable
{
    private readonly MediaSamples _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public async Task UploadsAPictureAsHeaderAndChunkMessagesThenGetsAndListsIt()
    {
        var png = await _samples.PngAsync(30, 20);
        var half = png.Length / 2;
        var messages = $$$"""
            {"header": {"fileName": "from-buf.png", "mediaType": "image/png", "sizeBytes": "{{{png.Length}}}"}}
            {"chunk": "{{{Convert.ToBase64String(png, 0, half)}}}"}
            {"chunk": "{{{Convert.ToBase64String(png, half, png.Length - half)}}}"}
            """;

        var upload = await BufCurl.CallWithKeyAsync(server.Address, server.ApiKey, "grpcexports.v1.AssetService/UploadAsset", messages);

        Assert.True(upload.ExitCode == 0, upload.ToString());
        using var uploaded = JsonDocument.Parse(upload.StandardOutput);
        var asset = uploaded.RootElement.GetProperty("asset");
        Assert.Equal(("ASSET_KIND_IMAGE", 30, 20), (asset.GetProperty("kind").GetString(), asset.GetProperty("media").GetProperty("width").GetInt32(),
            asset.GetProperty("media").GetProperty("height").GetInt32()));
        var id = asset.GetProperty("id").GetString();
        var get = await BufCurl.CallWithKeyAsync(server.Address, server.ApiKey, "grpcexports.v1.AssetService/GetAsset", $$"""{"assetId": "{{id}}"}""");
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Contains("from-buf.png", get.StandardOutput);
        var list = await BufCurl.CallWithKeyAsync(server.Address, server.ApiKey, "grpcexports.v1.AssetService/ListAssets", """{"kind": "ASSET_KIND_IMAGE", "pageSize": 1}""");
        Assert.True(list.ExitCode == 0, list.ToString());
        using var listed = JsonDocument.Parse(list.StandardOutput);
        Assert.Equal(id, listed.RootElement.GetProperty("assets")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ShowsARefusedUploadsStatusAndOffendingField()
    {
        var result = await BufCurl.CallWithKeyAsync(server.Address, server.ApiKey, "grpcexports.v1.AssetService/UploadAsset",
            """{"header": {"fileName": "../escape.png"}} {"chunk": "AAEC"}""");

        Assert.NotEqual(0, result.ExitCode);
        using var error = JsonDocument.Parse(result.StandardError);
        Assert.Equal("invalid_argument", error.RootElement.GetProperty("code").GetString());
        Assert.StartsWith("header.file_name:", error.RootElement.GetProperty("message").GetString());
        Assert.Contains(error.RootElement.GetProperty("details").EnumerateArray(), d => d.GetProperty("type").GetString() == "google.rpc.BadRequest");
    }
}
