using Npgsql;

namespace GrpcExports.Server.Assets.InUse;

/// <summary>
/// Which of the owner's live (not deleted) projects have a saved version that references an asset. Editor states name
/// assets by id (<c>assets[*].remoteKey</c>), and every version's document is built from the project's events (its
/// creation, full snapshots and JSON patches), so a version that references the asset was saved by an event whose
/// data holds the id. Each project is reported with the newest such version. Exports are not checked yet: export
/// jobs have no table in this build.
/// </summary>
internal sealed class AssetReferrers
{
    private const string Query = """
        SELECT e.stream_id, max(e.version)
        FROM events e JOIN projects p ON p.project_id = e.stream_id
        WHERE p.owner_id = @owner AND p.deleted_at IS NULL AND strpos(e.data::text, @asset) > 0
        GROUP BY e.stream_id
        ORDER BY e.stream_id
        """;

    public async Task<IReadOnlyList<(Guid ProjectId, long Version)>> ProjectsAsync(NpgsqlConnection connection, Guid assetId, string ownerId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
        command.Parameters.Add(new NpgsqlParameter<string>("asset", assetId.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var projects = new List<(Guid, long)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            projects.Add((reader.GetGuid(0), reader.GetInt64(1)));
        }
        return projects;
    }
}
