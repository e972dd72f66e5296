using GrpcExports.Server.Database;
using Npgsql;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>Finds an owner's existing asset with a given content, so an import relinks to it instead of storing a copy.</summary>
internal sealed class OwnedContent(NpgsqlDataSource dataSource)
{
    /// <summary>The owner's oldest asset whose content has <paramref name="sha256"/>, or null.</summary>
    public Task<Guid?> FindAsync(string ownerId, string sha256, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT asset_id FROM assets WHERE owner_id = @owner AND sha256 = @sha ORDER BY created_at, asset_id LIMIT 1");
            command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
            command.Parameters.Add(new NpgsqlParameter<string>("sha", sha256));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as Guid?;
        });
}
