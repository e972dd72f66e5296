using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>The stable codes of <see cref="ProjectFileProblem"/> (project_file.proto), and the problem messages.</summary>
internal static class ProblemCodes
{
    public const string Corrupt = "corrupt";
    public const string Truncated = "truncated";
    public const string UnsafePath = "unsafe-path";
    public const string Symlink = "symlink";
    public const string DuplicateEntry = "duplicate-entry";
    public const string TooLarge = "too-large";
    public const string CompressionRatio = "compression-ratio";
    public const string ChecksumMismatch = "checksum-mismatch";
    public const string UnknownFormatVersion = "unknown-format-version";
    public const string MissingEntry = "missing-entry";

    public static ProjectFileProblem Problem(string entry, string code, string message) => new() { Entry = entry, Code = code, Message = message };
}
