using GrpcExports.Server.Assets.Storage;

namespace GrpcExports.Server.Assets.Upload;

/// <summary>
/// At start-up, deletes the files that uploads interrupted by a crash left in the incoming folder. An upload in
/// progress, in this or another server instance sharing the asset directory, holds its file open under a shared
/// advisory lock (<see cref="IncomingFile"/>), so a file that can be opened with an exclusive lock belongs to no live
/// upload. The lock dies with the process that held it, which is what makes a crashed upload's file recognisable.
/// </summary>
internal sealed partial class IncomingSweep(AssetContentFiles files, ILogger<IncomingSweep> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(files.Incoming))
        {
            return Task.CompletedTask;
        }
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(files.Incoming))
        {
            try
            {
                using var orphan = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
                File.Delete(path);
                removed++;
            }
            catch (IOException)
            {
                // A live upload holds it (or it is gone already).
            }
        }
        if (removed > 0)
        {
            LogSwept(removed, files.Incoming);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} file(s) of interrupted uploads from {Directory}.")]
    private partial void LogSwept(int count, string directory);
}
