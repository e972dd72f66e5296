using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using GrpcExports.Server.Database;
using Npgsql;

namespace GrpcExports.Server.Projects.Idempotency;

/// <summary>
/// Runs a write in one transaction and, when the call carried an `idempotency-key`, records its response in the same
/// transaction (table idempotency_keys): the write and its record commit together or not at all. A later request with
/// the same key (per user) replays the recorded response without writing again, across restarts and instances; with
/// another request it is FAILED_PRECONDITION IDEMPOTENCY_KEY_REUSED. While the first is still running, a transaction-
/// scoped advisory lock on the key makes a concurrent copy answer ABORTED IDEMPOTENCY_KEY_IN_PROGRESS at once (two
/// keys sharing the lock's 64-bit hash can meet the same answer; it is retryable). Failed writes record nothing.
/// </summary>
internal sealed class IdempotentWrites(NpgsqlDataSource dataSource)
{
    private const string TryLock = "SELECT pg_try_advisory_xact_lock(hashtextextended(@owner || chr(31) || @key, 7))";

    private const string ReadRecord = """
        SELECT rpc, request_sha256, response FROM idempotency_keys WHERE owner_id = @owner AND idempotency_key = @key
        """;

    private const string InsertRecord = """
        INSERT INTO idempotency_keys (owner_id, idempotency_key, rpc, request_sha256, response)
        VALUES (@owner, @key, @rpc, @sha, @response)
        """;

    public Task<TResponse> RunAsync<TResponse>(string ownerId, string? key, string rpc, IMessage request,
        Func<NpgsqlTransaction, Task<TResponse>> write, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new() =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var requestHash = key is null ? null : Hash(rpc, request);
            if (key is not null)
            {
                if (!await TryLockAsync(transaction, ownerId, key, cancellationToken).ConfigureAwait(false))
                {
                    throw IdempotencyErrors.InProgress(key);
                }
                var recorded = await ReadAsync(transaction, ownerId, key, cancellationToken).ConfigureAwait(false);
                if (recorded is var (firstRpc, firstHash, response))
                {
                    if (firstRpc != rpc || !firstHash.AsSpan().SequenceEqual(requestHash))
                    {
                        throw IdempotencyErrors.Reused(key, firstRpc, rpc);
                    }
                    return new MessageParser<TResponse>(() => new TResponse()).ParseFrom(response);
                }
            }
            var result = await write(transaction).ConfigureAwait(false);
            if (key is not null)
            {
                await RecordAsync(transaction, ownerId, key, rpc, requestHash!, result.ToByteArray(), cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        });

    /// <summary>SHA-256 of the RPC's name and the request message as the server decoded it.</summary>
    private static byte[] Hash(string rpc, IMessage request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(rpc + "\n"));
        hash.AppendData(request.ToByteArray());
        return hash.GetHashAndReset();
    }

    private static async Task<bool> TryLockAsync(NpgsqlTransaction transaction, string ownerId, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(TryLock, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
        command.Parameters.Add(new NpgsqlParameter<string>("key", key));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<(string Rpc, byte[] RequestHash, byte[] Response)?> ReadAsync(NpgsqlTransaction transaction, string ownerId,
        string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ReadRecord, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
        command.Parameters.Add(new NpgsqlParameter<string>("key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return (reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2));
    }

    private static async Task RecordAsync(NpgsqlTransaction transaction, string ownerId, string key, string rpc, byte[] requestHash,
        byte[] response, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertRecord, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
        command.Parameters.Add(new NpgsqlParameter<string>("key", key));
        command.Parameters.Add(new NpgsqlParameter<string>("rpc", rpc));
        command.Parameters.Add(new NpgsqlParameter<byte[]>("sha", requestHash));
        command.Parameters.Add(new NpgsqlParameter<byte[]>("response", response));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
