using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Assets;
using GrpcExports.Tests.Exports;
using GrpcExports.Tests.Support;
using Npgsql;

namespace GrpcExports.Tests.Limits;

/// <summary>
/// Limits:StorageQuotaBytes through the real server: uploads and exports over a user's quota are refused with the
/// quota, the used and the requested bytes before anything is kept, and deleting frees the room.
/// </summary>
public sealed class StorageQuotaTests : IDisposable
{
    private readonly TemporaryDirectory _assets = new();
    private readonly MediaSamples _samples = new();

    public void Dispose()
    {
        _samples.Dispose();
        _assets.Dispose();
    }

    [Fact]
    public async Task A_declared_size_over_the_quota_is_refused_before_any_bytes()
    {
        await using var server = await StartAsync(quotaBytes: 1_000_000);
        using var connection = server.Connect();

        var error = await RefusedAsync(server, () => new AssetServiceClient(connection).UploadAsync(
            new AssetUploadHeader { FileName = "clip.mp4", SizeBytes = 1_000_001 }, []));

        AssertQuotaExceeded(error, quota: 1_000_000, used: 0, requested: 1_000_001);
    }

    [Fact]
    public async Task An_undeclared_upload_is_refused_as_soon_as_it_crosses_the_quota()
    {
        await using var server = await StartAsync(quotaBytes: 1_000_000);
        using var connection = server.Connect();
        var chunk = new byte[AssetUploading.ChunkSize];
        var sent = 0;
        IEnumerable<byte[]> Endless()
        {
            while (true)
            {
                sent++;
                yield return chunk;
            }
        }

        var error = await RefusedAsync(server, () => new AssetServiceClient(connection).UploadAsync(new AssetUploadHeader { FileName = "huge.mp4" }, Endless()));

        Assert.Equal((StatusCode.ResourceExhausted, "STORAGE_QUOTA_EXCEEDED"), (error.StatusCode, error.Reason));
        Assert.Equal((1_000_000 / chunk.Length + 1) * chunk.Length, long.Parse(error.ErrorInfo!.Metadata["requestedBytes"]));
        // The writer fails once the server has answered; flow control lets a few more chunks through first.
        Assert.InRange(sent, 1_000_000 / chunk.Length + 1, 64);
    }

    [Fact]
    public async Task Deleting_an_asset_frees_its_bytes_and_the_account_shows_quota_and_usage()
    {
        var first = await _samples.PngAsync(64, 48);
        var second = await _samples.PngAsync(80, 60);
        long quota = first.Length + second.Length - 1;
        await using var server = await StartAsync(quota);
        using var connection = server.Connect();
        var assets = new AssetServiceClient(connection);
        var kept = (await assets.UploadAsync("first.png", first)).Asset;

        var error = await RefusedAsync(server, () => assets.UploadAsync("second.png", second, sizeBytes: second.Length));
        var account = (await server.Accounts.GetAccountAsync(new GetAccountRequest())).Account;
        await assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = kept.Id });
        await assets.UploadAsync("second.png", second, sizeBytes: second.Length);

        AssertQuotaExceeded(error, quota, used: first.Length, requested: second.Length);
        Assert.Equal((quota, (long)first.Length), (account.Limits.StorageQuotaBytes, account.Usage.StorageUsedBytes));
        Assert.Equal(second.Length, (await server.Accounts.GetAccountAsync(new GetAccountRequest())).Account.Usage.StorageUsedBytes);
    }

    [Fact]
    public async Task An_export_needs_room_left_and_is_refused_without_a_job_when_the_quota_is_used_up()
    {
        var image = await _samples.PngAsync(64, 48);
        await using var server = await StartAsync(image.Length);
        using var connection = server.Connect();
        var assets = new AssetServiceClient(connection);
        var asset = (await assets.UploadAsync("full.png", image)).Asset;
        var request = new CreateExportRequest { EditorState = ExportDocuments.SolidColour("#ff0000", 1) };

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Exports.CreateExportAsync(request));
        var jobsAfterRefusal = await ExportJobCountAsync(server);
        await assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = asset.Id });
        var export = (await server.Exports.CreateExportAsync(request)).Export;

        AssertQuotaExceeded(error, image.Length, used: image.Length, requested: 0);
        Assert.Equal(0, jobsAfterRefusal);
        Assert.Equal(ExportStatus.Queued, export.Status);
    }

    private Task<ExportServer> StartAsync(long quotaBytes) => ExportServer.StartAsync(
        "--Exports:Workers=0", $"--Limits:StorageQuotaBytes={quotaBytes}", $"--Assets:Directory={_assets.Path}");

    /// <summary>Runs a refused upload and checks that it left no row and no file.</summary>
    private async Task<RpcException> RefusedAsync(ExportServer server, Func<Task> upload)
    {
        var before = await StoredAssets.ReadAsync(server.ConnectionString, _assets.Path);
        var error = await Assert.ThrowsAsync<RpcException>(upload);
        var after = await StoredAssets.ReadAsync(server.ConnectionString, _assets.Path);
        Assert.True(StoredAssetsComparer.Instance.Equals(before, after), $"before: {before}\nafter: {after}");
        Assert.Empty(after.IncomingFiles);
        return error;
    }

    private static void AssertQuotaExceeded(RpcException error, long quota, long used, long requested)
    {
        Assert.Equal((StatusCode.ResourceExhausted, "STORAGE_QUOTA_EXCEEDED"), (error.StatusCode, error.Reason));
        var metadata = error.ErrorInfo!.Metadata;
        Assert.Equal((quota.ToString(), used.ToString(), requested.ToString()),
            (metadata["quotaBytes"], metadata["usedBytes"], metadata["requestedBytes"]));
    }

    private static async Task<long> ExportJobCountAsync(ExportServer server)
    {
        await using var database = NpgsqlDataSource.Create(server.ConnectionString);
        await using var command = database.CreateCommand("SELECT count(*) FROM export_jobs");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
