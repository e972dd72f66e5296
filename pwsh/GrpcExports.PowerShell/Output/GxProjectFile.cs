namespace GrpcExports.PowerShell.Output;

/// <summary>What Export-GxProjectFile returns: the written project file, its verified SHA-256, and what it holds.</summary>
public sealed record GxProjectFile(string ProjectId, long ProjectVersion, string Path, long SizeBytes, string Sha256, int FormatVersion,
    bool IncludesAssets);

/// <summary>What Import-GxProjectFile returns: the created project, how its assets were linked, and the asset keys left unlinked.</summary>
public sealed record GxProjectImport(GxProject Project, int AssetsUploaded, int AssetsRelinked, IReadOnlyList<string> MissingAssetKeys)
{
    public string ProjectId => Project.Id;
}

/// <summary>What Test-GxProjectFile returns: whether a project file could be imported, what it holds, and its problems.</summary>
public sealed record GxProjectFileCheck(string Path, bool Valid, int FormatVersion, GxProjectFileSummary? Summary,
    IReadOnlyList<GxProjectFileProblem> FileProblems, IReadOnlyList<GxEditorStateViolation> Violations);

/// <summary>What a project file contains (best effort when it is invalid).</summary>
public sealed record GxProjectFileSummary(int FormatVersion, string Title, string Description, string SourceProjectId, long SourceProjectVersion,
    DateTime? CreateTime, double Fps, int IncludedAssetCount, long IncludedAssetBytes);

/// <summary>One problem with a project file's archive, with the entry it concerns.</summary>
public sealed record GxProjectFileProblem(string Entry, string Code, string Message);

/// <summary>What Get-GxProjectThumbnail returns: the image file written and what it shows.</summary>
public sealed record GxProjectThumbnail(string ProjectId, long ProjectVersion, string Path, string ContentType, int Width, int Height,
    long SizeBytes, IReadOnlyList<TimeSpan> FrameTimes);
