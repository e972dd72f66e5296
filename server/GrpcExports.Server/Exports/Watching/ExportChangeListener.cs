using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Exports.Workers;
using Npgsql;

namespace GrpcExports.Server.Exports.Watching;

/// <summary>
/// LISTENs on export_changes, which every instance sharing the database announces status changes and progress
/// checkpoints on, and passes each on: a newly queued job wakes this instance's idle workers, a cancellation stops
/// the render here if this instance runs it, and any change of an export someone here watches is read once and
/// published to its watchers. A lost connection is re-opened; what was missed meanwhile the workers' polling and the
/// watchers' periodic re-reads pick up.
/// </summary>
internal sealed class ExportChangeListener(NpgsqlDataSource dataSource, ExportJobStore jobs, ExportChangeHub hub, RunningRenders renders,
    ExportQueueSignal queueSignal, ILogger<ExportChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Listening for export changes failed; reconnecting in {Delay}.", ReconnectDelay);
                try
                {
                    await Task.Delay(ReconnectDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, notification) =>
        {
            if (ExportNotification.Parse(notification.Payload) is { } change)
            {
                Dispatch(change, stoppingToken);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {ExportNotification.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void Dispatch(ExportNotification change, CancellationToken stoppingToken)
    {
        switch (change.Status)
        {
            case ExportStatus.Queued:
                queueSignal.Wake();
                break;
            case ExportStatus.Cancelled:
                renders.Cancel(change.ExportId);
                break;
        }
        if (hub.HasWatchers(change.ExportId))
        {
            _ = PublishAsync(change.ExportId, stoppingToken);
        }
    }

    private async Task PublishAsync(Guid exportId, CancellationToken stoppingToken)
    {
        try
        {
            if (await jobs.GetForWatchersAsync(exportId, stoppingToken) is { } job)
            {
                hub.Publish(exportId, ExportMessages.ToExport(job));
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The watchers re-read on their own shortly; this one change is not worth failing anything for.
            logger.LogDebug(error, "Reading export {ExportId} for its watchers failed.", exportId);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
