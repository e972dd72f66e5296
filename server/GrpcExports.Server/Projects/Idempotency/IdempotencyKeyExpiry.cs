using Microsoft.Extensions.Options;
using Npgsql;

namespace GrpcExports.Server.Projects.Idempotency;

/// <summary>
/// Deletes `idempotency-key` records older than <see cref="IdempotencyRetentionOptions.IdempotencyRetention"/>, at
/// start-up and then every <see cref="IdempotencyRetentionOptions.IdempotencyCleanupInterval"/>. Age is measured by
/// the database's clock, so instances sharing a database agree; they may all clean up, and SKIP LOCKED keeps them out
/// of each other's way. Each statement deletes at most <see cref="BatchSize"/> rows, so no sweep holds many locks or
/// one long transaction, however many keys expired at once. A failed sweep (the database unreachable, say) is logged
/// and tried again at the next interval; it never stops the server.
/// </summary>
internal sealed partial class IdempotencyKeyExpiry(NpgsqlDataSource dataSource, IOptions<IdempotencyRetentionOptions> options,
    TimeProvider clock, ILogger<IdempotencyKeyExpiry> logger) : BackgroundService
{
    public const int BatchSize = 1000;

    private const string DeleteBatch = """
        DELETE FROM idempotency_keys AS record
        USING (SELECT owner_id, idempotency_key FROM idempotency_keys
               WHERE created_at < now() - @retention
               LIMIT @batch FOR UPDATE SKIP LOCKED) AS expired
        WHERE record.owner_id = expired.owner_id AND record.idempotency_key = expired.idempotency_key
        """;

    private readonly IdempotencyRetentionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.IdempotencyCleanupInterval, clock);
        do
        {
            try
            {
                var deleted = await DeleteExpiredAsync(stoppingToken).ConfigureAwait(false);
                if (deleted > 0)
                {
                    LogDeleted(deleted);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Deletes every expired record, batch by batch; returns how many it deleted.</summary>
    public async Task<long> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            await using var command = dataSource.CreateCommand(DeleteBatch);
            command.Parameters.Add(new NpgsqlParameter<TimeSpan>("retention", _options.IdempotencyRetention));
            command.Parameters.Add(new NpgsqlParameter<int>("batch", BatchSize));
            deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired idempotency key(s).")]
    private partial void LogDeleted(long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired idempotency keys failed; trying again at the next interval.")]
    private partial void LogFailed(Exception exception);
}
