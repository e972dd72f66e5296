using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.EditorState.Validation.Timeline;

/// <summary>An item's assetId (media items and captions) is a key of the document's "assets".</summary>
internal static class AssetReferences
{
    public static void Check(TimelineIndex timeline, ViolationLog log)
    {
        foreach (var (itemId, item) in timeline.Items)
        {
            if (TimelineIndex.Text(item, "assetId") is { Length: > 0 } assetId && !timeline.Assets.ContainsKey(assetId))
            {
                log.Timeline(ViolationKind.UnknownAsset, PointerPath.Of("items", itemId, "assetId"),
                    $"{itemId} uses asset {assetId}, which is not in the document's assets.");
            }
        }
    }
}
