using Npgsql;

namespace GrpcExports.Server.Assets.InUse;

/// <summary>Records, in the transaction that creates an export, the uploaded assets it will read (table export_asset_references).</summary>
internal static class ExportAssetReferences
{
    public static async Task AddAsync(NpgsqlTransaction transaction, Guid exportId, IEnumerable<Guid> assetIds, CancellationToken cancellationToken)
    {
        var ids = assetIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            INSERT INTO export_asset_references (asset_id, export_id) SELECT unnest(@assets), @export
            ON CONFLICT DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("assets", ids));
        command.Parameters.Add(new NpgsqlParameter<Guid>("export", exportId));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
