using GrpcExports.Server.Assets.InUse;
using GrpcExports.Server.Database;
using Npgsql;

namespace GrpcExports.Server.Assets.Storage;

/// <summary>
/// Asset rows and their content files, kept in step. Adding and deleting hold a session advisory lock on the content's
/// SHA-256 from before the row changes until the file is placed or removed, so an upload and a deletion of the same
/// content never cross (the file is never removed while a row needs it, nor kept without one).
/// </summary>
internal sealed class AssetStore(NpgsqlDataSource dataSource, AssetContentFiles files, AssetReferrers referrers)
{
    private const string Lock = "SELECT pg_advisory_lock(hashtextextended('asset-content' || chr(31) || @sha, 0))";
    private const string Unlock = "SELECT pg_advisory_unlock(hashtextextended('asset-content' || chr(31) || @sha, 0))";

    /// <summary>Adds the asset row and its content (moved from <paramref name="incomingPath"/> unless the same content is stored).</summary>
    /// <returns>Whether the owner already had this content, so no new bytes were kept for them.</returns>
    public Task<bool> AddAsync(AssetRow row, string incomingPath, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await LockAsync(connection, Lock, row.Sha256, cancellationToken).ConfigureAwait(false);
            try
            {
                bool ownerHadIt;
                await using (var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM assets WHERE sha256 = @sha AND owner_id = @owner)", connection))
                {
                    command.Parameters.Add(new NpgsqlParameter<string>("sha", row.Sha256));
                    command.Parameters.Add(new NpgsqlParameter<string>("owner", row.OwnerId));
                    ownerHadIt = (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await AssetRows.InsertAsync(connection, transaction, row, cancellationToken).ConfigureAwait(false);
                var placed = files.Place(incomingPath, row.Sha256);
                try
                {
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch when (placed)
                {
                    // No row refers to the file we just placed, and the lock keeps others from starting to.
                    files.Delete(row.Sha256);
                    throw;
                }
                return ownerHadIt;
            }
            finally
            {
                await LockAsync(connection, Unlock, row.Sha256, CancellationToken.None).ConfigureAwait(false);
            }
        });

    public Task<AssetRow?> GetAsync(Guid assetId, string ownerId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var command = dataSource.CreateCommand($"SELECT {AssetRows.Columns} FROM assets WHERE asset_id = @id AND owner_id = @owner");
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", assetId));
            command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? AssetRows.Read(reader) : null;
        });

    /// <summary>The owner's assets among <paramref name="assetIds"/>; ids that are not theirs are left out.</summary>
    public Task<IReadOnlyList<AssetRow>> GetManyAsync(IReadOnlyCollection<Guid> assetIds, string ownerId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var command = dataSource.CreateCommand($"SELECT {AssetRows.Columns} FROM assets WHERE asset_id = ANY(@ids) AND owner_id = @owner");
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. assetIds]));
            command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<AssetRow>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(AssetRows.Read(reader));
            }
            return (IReadOnlyList<AssetRow>)rows;
        });

    /// <summary>
    /// Deletes the asset's row, and its content file when no row of anyone still shares it; refused with
    /// ASSET_IN_USE while a project version or an active export refers to it. Returns the bytes freed, or null when there is no such asset.
    /// </summary>
    public Task<long?> DeleteAsync(Guid assetId, string ownerId, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            var row = await GetAsync(assetId, ownerId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return (long?)null;
            }
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await LockAsync(connection, Lock, row.Sha256, cancellationToken).ConfigureAwait(false);
            try
            {
                var users = await referrers.FindAsync(connection, assetId, ownerId, cancellationToken).ConfigureAwait(false);
                if (users.Any)
                {
                    throw AssetErrors.InUse(assetId, users);
                }
                long deleted, remaining;
                await using (var command = new NpgsqlCommand("""
                    WITH deleted AS (DELETE FROM assets WHERE asset_id = @id AND owner_id = @owner RETURNING 1)
                    SELECT (SELECT count(*) FROM deleted), (SELECT count(*) FROM assets WHERE sha256 = @sha AND asset_id <> @id)
                    """, connection))
                {
                    command.Parameters.Add(new NpgsqlParameter<Guid>("id", assetId));
                    command.Parameters.Add(new NpgsqlParameter<string>("owner", ownerId));
                    command.Parameters.Add(new NpgsqlParameter<string>("sha", row.Sha256));
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    (deleted, remaining) = (reader.GetInt64(0), reader.GetInt64(1));
                }
                if (deleted == 0)
                {
                    return null;
                }
                if (remaining > 0)
                {
                    return 0L;
                }
                files.Delete(row.Sha256);
                return row.SizeBytes;
            }
            finally
            {
                await LockAsync(connection, Unlock, row.Sha256, CancellationToken.None).ConfigureAwait(false);
            }
        });

    private static async Task LockAsync(NpgsqlConnection connection, string sql, string sha256, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("sha", sha256));
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
