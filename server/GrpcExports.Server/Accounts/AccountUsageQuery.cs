using GrpcExports.Protocol.V1;
using GrpcExports.Server.Database;
using GrpcExports.Server.Limits.Storage;
using Npgsql;

namespace GrpcExports.Server.Accounts;

/// <summary>What a user currently uses: active exports, stored bytes as the quota counts them (<see cref="StorageUsage"/>), projects and assets.</summary>
internal sealed class AccountUsageQuery(NpgsqlDataSource dataSource)
{
    public Task<AccountUsage> ReadAsync(string userId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            const string sql = $"""
                SELECT (SELECT count(*) FROM export_jobs WHERE owner_id = @user AND status IN ('queued', 'rendering'))::int,
                       {StorageUsage.UsedBytesSql},
                       (SELECT count(*) FROM projects WHERE owner_id = @user AND deleted_at IS NULL),
                       (SELECT count(*) FROM assets WHERE owner_id = @user)
                """;
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<string>("user", userId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new AccountUsage
            {
                ActiveExports = reader.GetInt32(0),
                StorageUsedBytes = reader.GetInt64(1),
                ProjectCount = reader.GetInt64(2),
                AssetCount = reader.GetInt64(3),
            };
        });
}
