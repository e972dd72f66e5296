using GrpcExports.Client;
using GrpcExports.Tests.Exports;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Assets;

/// <summary>
/// A real server with export, project and asset clients, its asset directory and media directory (Exports:MediaDirectory)
/// in temporary folders, and a folder beside the media directory to aim escapes at.
/// </summary>
internal sealed class AssetCheckServer : IAsyncDisposable
{
    private readonly TemporaryDirectory _assets;
    private readonly GrpcConnection _connection;

    private AssetCheckServer(TemporaryDirectory assets, ExportServer server)
    {
        _assets = assets;
        Server = server;
        _connection = server.Connect();
        Assets = new AssetServiceClient(_connection);
    }

    public ExportServer Server { get; }

    public AssetServiceClient Assets { get; }

    /// <summary>A folder outside the media directory holding <c>secret.png</c>.</summary>
    public string Outside => Path.Combine(_assets.Path, "outside");

    public static async Task<AssetCheckServer> StartAsync(params string[] arguments)
    {
        var assets = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(assets.Path, "outside"));
        var server = await ExportServer.StartAsync([$"--Assets:Directory={Path.Combine(assets.Path, "store")}", .. arguments]);
        return new AssetCheckServer(assets, server);
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/> under the media directory.</summary>
    public async Task PutMediaAsync(string relativePath, byte[] content)
    {
        var path = Path.Combine(Server.MediaDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content);
    }

    public async ValueTask DisposeAsync()
    {
        _connection.Dispose();
        await Server.DisposeAsync();
        _assets.Dispose();
    }
}
