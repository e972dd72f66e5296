namespace GrpcExports.PowerShell.Output;

/// <summary>What Save-GxExport returns: the saved file, its verified SHA-256, and how much of it this call fetched.</summary>
public sealed record GxExportFile(string ExportId, string Path, long SizeBytes, string Sha256, long ResumedFromByte, long BytesDownloaded);
