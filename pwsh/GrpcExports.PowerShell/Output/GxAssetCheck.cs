namespace GrpcExports.PowerShell.Output;

/// <summary>The asset pre-flight of Test-GxProject: whether every asset the editor state references was found and fits its uses.</summary>
public sealed record GxAssetCheck(bool AllFound, int TotalAssets, int MissingAssets, int MismatchedAssets, IReadOnlyList<GxAssetReference> Assets);

/// <summary>One entry of the editor state's assets: Found, Missing or Mismatch, where it resolved, and what does not fit.</summary>
public sealed record GxAssetReference(string AssetKey, string Reference, string Status, string ResolvedLocation, IReadOnlyList<string> UsedByItemIds,
    IReadOnlyList<string> Problems);
