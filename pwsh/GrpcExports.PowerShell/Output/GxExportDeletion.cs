namespace GrpcExports.PowerShell.Output;

/// <summary>What Remove-GxExport -PassThru returns: which export went, and the storage it freed.</summary>
public sealed record GxExportDeletion(string ExportId, long FreedBytes);
