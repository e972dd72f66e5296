using Google.Rpc;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Projects;

namespace GrpcExports.Server.Exports.Requests;

/// <summary>
/// The checks an editor state passes before its export is queued, so a job fails up front instead of in a worker:
/// it reads as a timeline with something to render, every item can be drawn (or the request skips those that cannot),
/// and every asset an item uses was found by the pre-flight check (Projects/AssetCheck).
/// </summary>
internal static class RenderableDocument
{
    /// <summary>Kinds the contract lets the validator keep but the renderer cannot draw (UNSUPPORTED_ITEM_TYPE).</summary>
    private static readonly HashSet<string> UndrawableKinds =
        new(["chart", "lottie", "motion-graphic", "illustration", "text-template"], StringComparer.Ordinal);

    /// <summary>The timeline's length in seconds and the ids of the items left out because of <paramref name="skipUnsupported"/>.</summary>
    public static (double DurationSeconds, IReadOnlyList<string> Skipped) Check(string editorStateJson, string field, bool skipUnsupported,
        CheckProjectAssetsResponse assets)
    {
        EditorTimeline timeline;
        try
        {
            timeline = EditorStateReader.Parse(editorStateJson);
        }
        catch (EditorStateFormatException problem)
        {
            throw ProjectErrors.InvalidRequest(field, $"The editor state cannot be rendered: {problem.Message}");
        }
        if (timeline.DurationTicks <= 0)
        {
            throw ProjectErrors.InvalidRequest(field, "The editor state has no items: there is nothing to render.");
        }
        var undrawable = timeline.UnmodelledItems.Where(item => UndrawableKinds.Contains(item.Type)).ToList();
        if (undrawable.Count > 0 && !skipUnsupported)
        {
            throw Unsupported(undrawable);
        }
        var missing = MissingAssets(assets, skipUnsupported ? undrawable.Select(item => item.Id) : []);
        if (missing.Count > 0)
        {
            throw AssetsMissing(missing);
        }
        return ((double)timeline.DurationTicks / timeline.TicksPerSecond, undrawable.Select(item => item.Id).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The missing asset entries that an item still to be rendered uses.</summary>
    private static List<AssetReferenceCheck> MissingAssets(CheckProjectAssetsResponse assets, IEnumerable<string> skippedItemIds)
    {
        var skipped = skippedItemIds.ToHashSet(StringComparer.Ordinal);
        return assets.Assets
            .Where(asset => asset.Status == AssetReferenceStatus.Missing && asset.UsedByItemIds.Any(item => !skipped.Contains(item)))
            .ToList();
    }

    private static RpcException Unsupported(IReadOnlyList<TimelineItem> items) =>
        ProductErrors.Create(StatusCode.FailedPrecondition, ErrorReason.UnsupportedItemType,
            $"The renderer cannot draw {string.Join(", ", items.Select(i => $"'{i.Id}' ({i.Type})"))} yet; set options.skip_unsupported_items to leave them out.",
            new Dictionary<string, string>
            {
                ["itemIds"] = string.Join(",", items.Select(i => i.Id)),
                ["itemTypes"] = string.Join(",", items.Select(i => i.Type).Distinct(StringComparer.Ordinal)),
            },
            new PreconditionFailure
            {
                Violations =
                {
                    items.Select(i => new PreconditionFailure.Types.Violation
                    {
                        Type = "ITEM", Subject = i.Id, Description = $"Items of type '{i.Type}' cannot be rendered yet.",
                    }),
                },
            });

    private static RpcException AssetsMissing(IReadOnlyList<AssetReferenceCheck> assets) =>
        ProductErrors.Create(StatusCode.FailedPrecondition, ErrorReason.AssetsMissing,
            $"The export needs asset(s) that cannot be found: {string.Join(", ", assets.Select(asset => asset.AssetKey))}.",
            new Dictionary<string, string> { ["assetKeys"] = string.Join(",", assets.Select(asset => asset.AssetKey)) },
            new PreconditionFailure
            {
                Violations =
                {
                    assets.Select(asset => new PreconditionFailure.Types.Violation
                    {
                        Type = "ASSET", Subject = asset.AssetKey, Description = asset.MissingReason,
                    }),
                },
            });
}
