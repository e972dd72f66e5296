namespace GrpcExports.Server.Assets.Resolving;

/// <summary>
/// What a document's asset entry points at. <c>remoteKey</c> decides: an asset id (a UUID) is an uploaded asset;
/// <c>media:&lt;path&gt;</c>, or any other key, is a file under the media directory. An entry without a
/// <c>remoteKey</c> is looked up by its <c>filename</c> in the media directory. Both fields absent: nothing to find.
/// </summary>
internal sealed record AssetReference(Guid? AssetId, string? MediaPath)
{
    public const string MediaPrefix = "media:";

    public static AssetReference Of(string? remoteKey, string? filename)
    {
        if (!string.IsNullOrWhiteSpace(remoteKey))
        {
            if (Guid.TryParseExact(remoteKey, "D", out var assetId))
            {
                return new AssetReference(assetId, null);
            }
            return new AssetReference(null, remoteKey.StartsWith(MediaPrefix, StringComparison.Ordinal) ? remoteKey[MediaPrefix.Length..] : remoteKey);
        }
        return new AssetReference(null, string.IsNullOrWhiteSpace(filename) ? null : filename);
    }

    /// <summary>The reference as CheckProjectAssets reports it: the asset id, <c>media:&lt;path&gt;</c>, or empty.</summary>
    public override string ToString() => AssetId?.ToString() ?? (MediaPath is null ? "" : MediaPrefix + MediaPath);
}
