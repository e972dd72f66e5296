using Npgsql;

namespace GrpcExports.Server.Database.Embedded;

/// <summary>What the private cluster's management does over a connection: wait for it to answer, create a database.</summary>
internal static class ClusterConnections
{
    /// <summary>
    /// Opens connections until one succeeds or <paramref name="timeout"/> passes; returns null once the cluster
    /// answers, or the last failure. A postmaster that pg_ctl -w started is ready already; an adopted one may still be
    /// recovering.
    /// </summary>
    public static async Task<Exception?> WaitUntilAcceptingAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 }.ConnectionString;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        Exception lastFailure = new TimeoutException("no answer");
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(deadline.Token).ConfigureAwait(false);
                return null;
            }
            catch (NpgsqlException e)
            {
                lastFailure = e;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        return lastFailure;
    }

    /// <summary>Creates <paramref name="database"/> unless it exists; true when this call created it. Safe when callers race.</summary>
    public static async Task<bool> CreateDatabaseIfMissingAsync(string maintenanceConnectionString, string database,
        CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(maintenanceConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", connection);
        exists.Parameters.AddWithValue("name", database);
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return false;
        }
        await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another caller created it in between.
            return false;
        }
    }

    private static string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
