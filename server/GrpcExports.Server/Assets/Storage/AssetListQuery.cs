using GrpcExports.Protocol.V1;
using GrpcExports.Server.Database;
using Npgsql;
using NpgsqlTypes;

namespace GrpcExports.Server.Assets.Storage;

/// <summary>One page of an owner's assets, newest first (create time descending, then id), after a keyset cursor.</summary>
internal sealed class AssetListQuery(NpgsqlDataSource dataSource)
{
    public Task<IReadOnlyList<AssetRow>> PageAsync(string ownerId, Guid? projectId, AssetKind kind, (DateTimeOffset CreatedAt, Guid AssetId)? after,
        int limit, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var command = dataSource.CreateCommand($"""
                SELECT {AssetRows.Columns} FROM assets
                WHERE owner_id = @owner
                  AND (@project IS NULL OR project_id = @project)
                  AND (@kind = 0 OR kind = @kind)
                  AND (@after_time IS NULL OR (created_at, asset_id) < (@after_time, @after_id))
                ORDER BY created_at DESC, asset_id DESC
                LIMIT @limit
                """);
            command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
            command.Parameters.Add(new NpgsqlParameter("project", NpgsqlDbType.Uuid) { Value = (object?)projectId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<int>("kind", (int)kind));
            command.Parameters.Add(new NpgsqlParameter("after_time", NpgsqlDbType.TimestampTz) { Value = (object?)after?.CreatedAt ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = (object?)after?.AssetId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<AssetRow>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(AssetRows.Read(reader));
            }
            return (IReadOnlyList<AssetRow>)rows;
        });
}
