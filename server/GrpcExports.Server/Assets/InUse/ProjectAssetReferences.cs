using System.Text.Json.Nodes;
using GrpcExports.Server.Assets.Resolving;
using Npgsql;

namespace GrpcExports.Server.Assets.InUse;

/// <summary>
/// Keeps table project_asset_references in step with saved project versions: called in the transaction that saves a
/// version's editor state, it records every uploaded asset the state names (an asset id as <c>remoteKey</c>) at that
/// version.
/// </summary>
internal static class ProjectAssetReferences
{
    public static async Task RecordAsync(NpgsqlTransaction transaction, Guid projectId, long version, JsonNode? editorState,
        CancellationToken cancellationToken)
    {
        var assetIds = AssetIds(editorState);
        if (assetIds.Length == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            INSERT INTO project_asset_references (asset_id, project_id, latest_version)
            SELECT unnest(@assets), @project, @version
            ON CONFLICT (asset_id, project_id) DO UPDATE SET latest_version = excluded.latest_version
            """, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("assets", assetIds));
        command.Parameters.Add(new NpgsqlParameter<Guid>("project", projectId));
        command.Parameters.Add(new NpgsqlParameter<long>("version", version));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The distinct uploaded-asset ids among the document's <c>assets[*].remoteKey</c>.</summary>
    private static Guid[] AssetIds(JsonNode? editorState) =>
        (editorState?["assets"] as JsonObject ?? [])
            .Select(entry => entry.Value?["remoteKey"] is JsonValue key && key.TryGetValue<string>(out var text)
                ? AssetReference.Of(text, null).AssetId
                : null)
            .OfType<Guid>()
            .Distinct()
            .ToArray();
}
