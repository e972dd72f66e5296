using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Rendering.Assets;
using GrpcExports.Server.Assets.MediaTypes;
using GrpcExports.Server.Assets.Probing;
using GrpcExports.Server.Assets.Resolving;
using GrpcExports.Server.Assets.Storage;

namespace GrpcExports.Server.Projects.AssetCheck;

/// <summary>
/// The pre-flight check of an editor state's assets (CheckProjectAssets, and CreateExport before it queues): each
/// entry of <c>assets</c> resolved as the renderer will resolve it (<see cref="DocumentAssetResolver"/>'s rules), with
/// the items using it and whether its probed facts fit those uses. Uploaded assets bring their facts from upload;
/// media-directory files are probed on the spot when <c>probeMediaFiles</c> is set. Locations never show server paths.
/// </summary>
internal sealed class ProjectAssetCheck(AssetStore store, MediaDirectory media, MediaProber prober)
{
    public async Task<CheckProjectAssetsResponse> CheckAsync(string editorStateJson, string ownerId, bool probeMediaFiles,
        CancellationToken cancellationToken)
    {
        var entries = DocumentAssetUses.Read(editorStateJson);
        var ids = entries.Select(entry => entry.Reference.AssetId).OfType<Guid>().ToHashSet();
        var rows = ids.Count == 0 ? [] : await store.GetManyAsync(ids, ownerId, cancellationToken).ConfigureAwait(false);
        var uploaded = rows.ToDictionary(row => row.AssetId);
        var response = new CheckProjectAssetsResponse { TotalAssets = entries.Count };
        foreach (var entry in entries)
        {
            var check = new AssetReferenceCheck
            {
                AssetKey = entry.Key,
                Reference = entry.Reference.ToString(),
                UsedByItemIds = { entry.Uses.Select(use => use.ItemId).Distinct(StringComparer.Ordinal) },
            };
            if (entry.Inline)
            {
                check.Status = AssetReferenceStatus.Found;
                check.ResolvedLocation = "inline";
            }
            else if (entry.Reference.AssetId is { } assetId)
            {
                if (uploaded.TryGetValue(assetId, out var row))
                {
                    Found(check, "asset:" + assetId, row.Kind, row.Media, entry.Uses);
                }
                else
                {
                    Missing(check, $"There is no uploaded asset {assetId} of this user.");
                }
            }
            else if (entry.Reference.MediaPath is { } relativePath)
            {
                await CheckMediaFileAsync(check, relativePath, entry.Uses, probeMediaFiles, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Missing(check, "The entry has neither a remoteKey nor a filename to find it by.");
            }
            response.Assets.Add(check);
        }
        response.MissingAssets = response.Assets.Count(a => a.Status == AssetReferenceStatus.Missing);
        response.MismatchedAssets = response.Assets.Count(a => a.Status == AssetReferenceStatus.Mismatch);
        response.AllFound = response.MissingAssets == 0 && response.MismatchedAssets == 0;
        return response;
    }

    private async Task CheckMediaFileAsync(AssetReferenceCheck check, string relativePath, IReadOnlyList<AssetUse> uses, bool probe,
        CancellationToken cancellationToken)
    {
        var file = media.Find(relativePath);
        if (file.Path is not { } path)
        {
            Missing(check, file.RefusedBecause is { } reason
                ? $"The media path {reason}."
                : "There is no such file in the media directory.");
            return;
        }
        var location = AssetReference.MediaPrefix + relativePath;
        if (!probe)
        {
            check.Status = AssetReferenceStatus.Found;
            check.ResolvedLocation = location;
            return;
        }
        if (MediaTypeCatalog.ByExtension(Path.GetExtension(relativePath)) is not { } type)
        {
            Mismatch(check, location, $"the file's extension is not one of the media types the server reads ({MediaTypeCatalog.Extensions})", uses);
            return;
        }
        try
        {
            var probed = await prober.ProbeAsync(path, relativePath, type, cancellationToken).ConfigureAwait(false);
            Found(check, location, probed.Kind, probed.Info, uses);
        }
        catch (RpcException unreadable)
        {
            Mismatch(check, location, unreadable.Detail, uses);
        }
    }

    private static void Found(AssetReferenceCheck check, string location, AssetKind kind, MediaInfo media, IReadOnlyList<AssetUse> uses)
    {
        check.ResolvedLocation = location;
        check.Kind = kind;
        check.Media = media;
        check.Problems.Add(AssetFit.Problems(kind, media, uses));
        check.Status = check.Problems.Count == 0 ? AssetReferenceStatus.Found : AssetReferenceStatus.Mismatch;
    }

    /// <summary>A file that is there but cannot be read as media: every use is a problem.</summary>
    private static void Mismatch(AssetReferenceCheck check, string location, string cause, IReadOnlyList<AssetUse> uses)
    {
        check.Status = AssetReferenceStatus.Mismatch;
        check.ResolvedLocation = location;
        check.Problems.Add(uses.Count == 0
            ? [new AssetUseProblem { Message = cause }]
            : uses.Select(use => new AssetUseProblem { ItemId = use.ItemId, Message = cause }));
    }

    private static void Missing(AssetReferenceCheck check, string reason)
    {
        check.Status = AssetReferenceStatus.Missing;
        check.MissingReason = reason;
    }
}
