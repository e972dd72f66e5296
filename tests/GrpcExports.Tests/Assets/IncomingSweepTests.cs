using Google.Protobuf;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Assets;

/// <summary>
/// Start-up removes the files uploads interrupted by a crash left behind, and only those: an upload still streaming
/// into another instance that shares the asset directory keeps its file and completes.
/// </summary>
public sealed class IncomingSweepTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly MediaSamples _samples = new();

    private string AssetDirectory => Path.Combine(_directory.Path, "assets");

    private string Incoming => Path.Combine(AssetDirectory, "incoming");

    public void Dispose()
    {
        _samples.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task FilesOfCrashedUploadsAreRemovedAtStartUp()
    {
        Directory.CreateDirectory(Incoming);
        // What a crash leaves: a partial upload that no process holds open any more.
        var orphans = new[] { Path.Combine(Incoming, $"{Guid.NewGuid():N}.part"), Path.Combine(Incoming, $"{Guid.NewGuid():N}.part") };
        foreach (var orphan in orphans)
        {
            await File.WriteAllBytesAsync(orphan, new byte[4096]);
        }

        await using var server = await StartAsync(await TestPostgres.CreateDatabaseAsync());

        Assert.Empty(Directory.GetFiles(Incoming));
    }

    [Fact]
    public async Task AnUploadInProgressSurvivesAnotherInstanceStartingOnTheSameDirectory()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var video = await _samples.VideoAsync(seconds: 1);
        await using var first = await StartAsync(database);
        using var connection = first.Connect();
        using var call = new AssetServiceClient(connection).UploadAssetAsync();
        await call.RequestStream.WriteAsync(new UploadAssetRequest { Header = new AssetUploadHeader { FileName = "clip.mp4", SizeBytes = video.Length } });
        var half = video.Length / 2;
        await call.RequestStream.WriteAsync(new UploadAssetRequest { Chunk = ByteString.CopyFrom(video, 0, half) });
        await WaitForIncomingBytesAsync(half);

        await using (await StartAsync(database))
        {
            Assert.Single(Directory.GetFiles(Incoming));
        }
        await call.RequestStream.WriteAsync(new UploadAssetRequest { Chunk = ByteString.CopyFrom(video, half, video.Length - half) });
        await call.RequestStream.CompleteAsync();
        var uploaded = (await call.ResponseAsync).Asset;

        Assert.Equal(video.Length, uploaded.SizeBytes);
        Assert.Empty(Directory.GetFiles(Incoming));
    }

    private Task<RunningServer> StartAsync(string database) => RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
        $"--Database:ConnectionString={database}", $"--Assets:Directory={AssetDirectory}");

    /// <summary>Until the server has written <paramref name="bytes"/> of the upload to its incoming file.</summary>
    private async Task WaitForIncomingBytesAsync(long bytes)
    {
        while (!Directory.Exists(Incoming) || Directory.GetFiles(Incoming) is not [var file] || new FileInfo(file).Length < bytes)
        {
            await Task.Delay(20);
        }
    }
}
