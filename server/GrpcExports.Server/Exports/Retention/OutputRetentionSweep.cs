using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports.Retention;

/// <summary>
/// At start-up and every <see cref="RetentionOptions.RetentionSweepInterval"/>: expires outputs older than
/// <see cref="RetentionOptions.OutputRetention"/> (unless it is zero) and removes orphaned files from the output
/// directory. A failed sweep is logged and tried again at the next interval.
/// </summary>
internal sealed partial class OutputRetentionSweep(ExpiredOutputs expired, OrphanedOutputFiles orphans, IOptions<RetentionOptions> retention,
    IOptions<ExportsOptions> exports, ILogger<OutputRetentionSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = retention.Value;
        using var timer = new PeriodicTimer(settings.RetentionSweepInterval);
        do
        {
            try
            {
                var expiredFiles = settings.OutputRetention > TimeSpan.Zero ? await expired.RemoveAsync(settings.OutputRetention, stoppingToken) : 0;
                // A live render's files are written continuously; one lease without a write means its worker is gone.
                var orphanEntries = await orphans.RemoveAsync(exports.Value.LeaseDuration, stoppingToken);
                if (expiredFiles + orphanEntries > 0)
                {
                    LogSwept(expiredFiles, orphanEntries);
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(error);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Expired} expired output(s) and {Orphans} orphaned file(s) or folder(s).")]
    private partial void LogSwept(int expired, int orphans);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention sweep failed; it runs again at the next interval.")]
    private partial void LogFailed(Exception error);
}
