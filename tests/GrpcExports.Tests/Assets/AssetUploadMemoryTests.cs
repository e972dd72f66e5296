using System.Globalization;
using System.Security.Cryptography;
using Google.Protobuf;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Rendering.Tools;
using GrpcExports.Tests.Support;
using Xunit.Abstractions;

namespace GrpcExports.Tests.Assets;

/// <summary>
/// A 300 MB video streamed through UploadAsync to the server run as its own process: the server's peak resident memory
/// during the upload stays far below the file's size, because the bytes go to disk chunk by chunk.
/// </summary>
public sealed class AssetUploadMemoryTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The bound asserted: a third of the upload. Measured growth is reported in the test output.</summary>
    private const long MaxGrowthBytes = 100L * 1024 * 1024;

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task UploadingA300MbVideoKeepsTheServersMemoryFlat()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var server = await ServerProcess.StartAsync($"--Database:ConnectionString={connectionString}",
            $"--Assets:Directory={Path.Combine(_directory.Path, "assets")}");
        using var connection = server.Connect();
        var assets = new AssetServiceClient(connection);
        using (var samples = new MediaSamples())
        {
            // Warm up (JIT, pools, the first probe) so that the measurement sees the upload alone.
            await assets.UploadAsync("warm-up.mp4", await samples.VideoAsync(seconds: 1));
        }
        var baseline = Memory(server.ProcessId, "VmRSS");
        await File.WriteAllTextAsync($"/proc/{server.ProcessId}/clear_refs", "5"); // resets VmHWM, the peak resident size

        var (response, sha256, size) = await UploadGeneratedVideoAsync(assets, frames: 110);

        var peak = Memory(server.ProcessId, "VmHWM");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"uploaded {size / 1e6:F1} MB; server RSS before {baseline / 1e6:F1} MB, peak during upload {peak / 1e6:F1} MB, growth {(peak - baseline) / 1e6:F1} MB"));
        Assert.True(size > 300_000_000, $"only {size} bytes were generated");
        Assert.Equal((sha256, size, AssetKind.Video, 1280, 720), (response.Asset.Sha256, response.Asset.SizeBytes, response.Asset.Kind,
            response.Asset.Media.Width, response.Asset.Media.Height));
        Assert.InRange(peak - baseline, long.MinValue, MaxGrowthBytes);
    }

    /// <summary>Streams ffmpeg's output (uncompressed 720p testsrc in Matroska, 2.7 MB a frame) into an upload as it is made.</summary>
    private static async Task<(UploadAssetResponse Response, string Sha256, long Size)> UploadGeneratedVideoAsync(AssetServiceClient assets, int frames)
    {
        using var call = assets.UploadAssetAsync();
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await call.RequestStream.WriteAsync(new UploadAssetRequest { Header = new AssetUploadHeader { FileName = "generated.mkv" } });
        await ToolProcess.RunAsync(MediaTools.Default.Ffmpeg,
            ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=25", "-frames:v", frames.ToString(CultureInfo.InvariantCulture),
                "-c:v", "rawvideo", "-pix_fmt", "rgb24", "-allow_raw_vfw", "1", "-f", "matroska", "-"],
            readOutput: async (video, token) =>
            {
                var buffer = new byte[1024 * 1024];
                int read;
                while ((read = await video.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, token)) > 0)
                {
                    sha256.AppendData(buffer, 0, read);
                    size += read;
                    await call.RequestStream.WriteAsync(new UploadAssetRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, token);
                }
            });
        await call.RequestStream.CompleteAsync();
        return (await call.ResponseAsync, Convert.ToHexStringLower(sha256.GetHashAndReset()), size);
    }

    /// <summary>A size line of /proc/PID/status ("VmRSS:  123456 kB"), in bytes.</summary>
    private static long Memory(int processId, string field)
    {
        var line = File.ReadLines($"/proc/{processId}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
