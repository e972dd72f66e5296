namespace GrpcExports.PowerShell.Output;

/// <summary>What Remove-GxAsset -PassThru returns: which asset went, and the storage it freed (0 when other assets share the bytes).</summary>
public sealed record GxAssetDeletion(string AssetId, long FreedBytes);
