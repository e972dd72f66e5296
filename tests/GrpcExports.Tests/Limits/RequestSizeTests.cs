using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Assets;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Limits;

/// <summary>
/// Grpc:MaxReceiveMessageSize on a product call: an upload chunk over it ends the upload with RESOURCE_EXHAUSTED and
/// leaves nothing behind, and GetAccount shows the size.
/// </summary>
public sealed class RequestSizeTests : IDisposable
{
    private const int MaxMessageBytes = 64 * 1024;

    private readonly TemporaryDirectory _assets = new();

    public void Dispose() => _assets.Dispose();

    [Fact]
    public async Task An_upload_chunk_over_the_message_size_is_refused_and_nothing_is_kept()
    {
        await using var server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            $"--Grpc:MaxReceiveMessageSize={MaxMessageBytes}", $"--Assets:Directory={_assets.Path}");
        using var connection = server.Connect();
        var before = await StoredAssets.ReadAsync(server.ConnectionString!, _assets.Path);

        var error = await Assert.ThrowsAsync<RpcException>(() => new AssetServiceClient(connection).UploadAsync(
            new AssetUploadHeader { FileName = "clip.mp4" }, [new byte[1024], new byte[MaxMessageBytes + 1]]));
        var after = await StoredAssets.ReadAsync(server.ConnectionString!, _assets.Path);
        var limits = (await new AccountServiceClient(connection).GetAccountAsync(new GetAccountRequest())).Account.Limits;

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.True(StoredAssetsComparer.Instance.Equals(before, after), $"before: {before}\nafter: {after}");
        Assert.Empty(after.IncomingFiles);
        Assert.Equal(MaxMessageBytes, limits.MaxRequestMessageBytes);
    }
}
