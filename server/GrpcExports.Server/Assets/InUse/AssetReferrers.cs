using Npgsql;

namespace GrpcExports.Server.Assets.InUse;

/// <summary>
/// What stands in the way of deleting an asset: the owner's live (not deleted) projects with a saved version that
/// references it, each with the newest such version (table project_asset_references), and the owner's active
/// (queued or rendering) exports that will read it (table export_asset_references).
/// </summary>
internal sealed class AssetReferrers
{
    private const string Query = """
        SELECT r.project_id, r.latest_version, NULL::uuid
        FROM project_asset_references r JOIN projects p ON p.project_id = r.project_id
        WHERE r.asset_id = @asset AND p.owner_id = @owner AND p.deleted_at IS NULL
        UNION ALL
        SELECT NULL::uuid, NULL::bigint, r.export_id
        FROM export_asset_references r JOIN export_jobs j ON j.export_id = r.export_id
        WHERE r.asset_id = @asset AND j.owner_id = @owner AND j.status IN ('queued', 'rendering')
        """;

    public async Task<AssetUsers> FindAsync(NpgsqlConnection connection, Guid assetId, string ownerId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
        command.Parameters.Add(new NpgsqlParameter<Guid>("asset", assetId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var projects = new List<(Guid, long)>();
        var exports = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.IsDBNull(2))
            {
                projects.Add((reader.GetGuid(0), reader.GetInt64(1)));
            }
            else
            {
                exports.Add(reader.GetGuid(2));
            }
        }
        return new AssetUsers([.. projects.Order()], [.. exports.Order()]);
    }
}

/// <summary>The referrers of one asset: project versions and active exports.</summary>
internal sealed record AssetUsers(IReadOnlyList<(Guid ProjectId, long Version)> Projects, IReadOnlyList<Guid> Exports)
{
    public bool Any => Projects.Count > 0 || Exports.Count > 0;
}
