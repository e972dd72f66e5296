using GrpcExports.Server.Exports.Jobs;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports.Workers;

/// <summary>
/// The instance's <see cref="ExportsOptions.Workers"/> workers. Each claims the next job (a queued one, or one whose
/// worker died), renders it, and looks again; with nothing to do it waits for a new job to be announced or for
/// <see cref="ExportsOptions.PollInterval"/>. Before claiming, jobs whose lease ran out on their last allowed attempt
/// are failed (and what their last attempt left on disk removed). At shutdown the workers stop claiming, and the jobs they were rendering go back to the queue.
/// </summary>
internal sealed class ExportWorkerPool(ExportJobQueue queue, ExportJobRunner runner, ExportQueueSignal signal, IOptions<ExportsOptions> options,
    ILogger<ExportWorkerPool> logger) : BackgroundService
{
    /// <summary>Tells this instance's workers from those of other instances (and other servers in one process, as in tests).</summary>
    private readonly string _instanceId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(1, Math.Max(0, options.Value.Workers)).Select(n => Task.Run(() => WorkAsync($"{_instanceId}/{n}", stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(string workerId, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var failed in await queue.FailExhaustedAsync(settings.MaxAttempts, stoppingToken))
                {
                    runner.RemoveEarlierAttempts(failed);
                }
                if (await queue.ClaimAsync(workerId, settings.LeaseDuration, settings.MaxAttempts, stoppingToken) is { } claimed)
                {
                    await runner.RunAsync(claimed, workerId, stoppingToken);
                    continue;
                }
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Export worker {WorkerId} failed; it looks for work again in {Delay}.", workerId, settings.PollInterval);
                try
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
