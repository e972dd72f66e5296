using GrpcExports.Server.Database;
using Npgsql;

namespace GrpcExports.Server.Limits.Storage;

/// <summary>
/// The bytes a user stores, as the storage quota counts them: each distinct uploaded content once, plus the files of
/// succeeded exports that are neither deleted nor expired. Editor states and history are not counted.
/// </summary>
internal sealed class StorageUsage(NpgsqlDataSource dataSource)
{
    /// <summary>The used bytes of the user <c>@user</c> as one SQL expression, for queries that read more beside it.</summary>
    public const string UsedBytesSql = """
        ((SELECT coalesce(sum(size_bytes), 0) FROM (SELECT DISTINCT sha256, size_bytes FROM assets WHERE owner_id = @user) contents)
         + (SELECT coalesce(sum(output_size_bytes), 0) FROM export_jobs
            WHERE owner_id = @user AND status = 'succeeded' AND deleted_at IS NULL AND output_expired_at IS NULL))::bigint
        """;

    public Task<long> UsedBytesAsync(string userId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var command = dataSource.CreateCommand($"SELECT {UsedBytesSql}");
            command.Parameters.Add(new NpgsqlParameter<string>("user", userId));
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        });
}
