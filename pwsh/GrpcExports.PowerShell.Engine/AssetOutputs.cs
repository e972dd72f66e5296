using GrpcExports.PowerShell.Output;
using GrpcExports.Protocol.V1;

namespace GrpcExports.PowerShell.Engine;

/// <summary>AssetService's messages, and CheckProjectAssets' answer, as the module's output objects.</summary>
internal static class AssetOutputs
{
    public static GxAsset Asset(Asset asset, bool contentDeduplicated = false) => new(
        asset.Id, asset.FileName, asset.MediaType, asset.Kind.ToString(), asset.SizeBytes, asset.Sha256, asset.ProjectId,
        ProjectOutputs.Time(asset.CreateTime), Media(asset.Media ?? new MediaInfo()), contentDeduplicated);

    public static GxAssetCheck Check(CheckProjectAssetsResponse response) => new(
        response.AllFound, response.TotalAssets, response.MissingAssets, response.MismatchedAssets,
        response.Assets.Select(check => new GxAssetReference(
            check.AssetKey, check.Reference, check.Status.ToString(), check.ResolvedLocation, check.UsedByItemIds.ToArray(),
            check.Problems.Select(problem => $"{problem.ItemId}: {problem.Message}").ToArray())).ToArray());

    private static GxMediaInfo Media(MediaInfo media) => new(
        media.FormatName, media.Duration?.ToTimeSpan().TotalSeconds ?? 0, media.Width, media.Height, media.FrameRate, media.VideoCodec,
        media.AudioCodec, media.HasVideo, media.HasAudio);
}
