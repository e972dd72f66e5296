using GrpcExports.Client;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Server.Assets.InUse;
using GrpcExports.Server.Assets.Resolving;
using GrpcExports.Server.Assets.Storage;
using GrpcExports.Tests.Support;
using Npgsql;

namespace GrpcExports.Tests.Assets;

/// <summary>StoredAssetResolver: a document's remoteKey (an asset id) to the uploaded content file, inside the asset directory only.</summary>
public sealed class StoredAssetResolverTests(AssetServerFixture server) : IClassFixture<AssetServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();
    private readonly MediaSamples _samples = new();

    public void Dispose()
    {
        _samples.Dispose();
        _connection.Dispose();
    }

    [Fact]
    public async Task ResolvesUploadedAssetsByIdAndRefusesOthers()
    {
        var png = await _samples.PngAsync(12, 12);
        var asset = (await new AssetServiceClient(_connection).UploadAsync("a.png", png)).Asset;
        var unknown = Guid.NewGuid().ToString();
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var files = new AssetContentFiles(server.AssetDirectory);
        var store = new AssetStore(dataSource, files, new AssetReferrers());

        var resolver = await StoredAssetResolver.LoadAsync(store, files, TestApiKeys.TestUserId, [asset.Id, unknown, "../../etc/passwd", null], CancellationToken.None);

        var path = resolver.ResolveFile(Asset("a", asset.Id));
        Assert.StartsWith(Path.GetFullPath(server.AssetDirectory) + Path.DirectorySeparatorChar, path);
        Assert.Equal(png, await File.ReadAllBytesAsync(path));
        Assert.Contains(unknown, Assert.Throws<AssetUnavailableException>(() => resolver.ResolveFile(Asset("b", unknown))).Message);
        Assert.Equal("c", Assert.Throws<AssetUnavailableException>(() => resolver.ResolveFile(Asset("c", "../../etc/passwd"))).AssetId);
        Assert.Throws<AssetUnavailableException>(() => resolver.ResolveFile(Asset("d", null)));
    }

    private static TimelineAsset Asset(string id, string? remoteKey) => new() { Id = id, Type = "image", RemoteKey = remoteKey };
}
