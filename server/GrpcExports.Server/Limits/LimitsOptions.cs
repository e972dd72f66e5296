using GrpcExports.Server.Limits.EditorState;

namespace GrpcExports.Server.Limits;

/// <summary>
/// The "Limits" configuration section: what one user may store and how large a document may be. Every user gets the
/// same values (AccountService.GetAccount shows them); the export and autosave limits keep their own sections.
/// </summary>
internal sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Bytes of uploaded content plus kept export outputs one user may hold; 0 means no quota. Default 0.</summary>
    public long StorageQuotaBytes { get; set; }

    public EditorStateLimitOptions EditorState { get; set; } = new();

    /// <summary>Why the options cannot be used, or null when they can.</summary>
    public string? Problem() =>
        StorageQuotaBytes < 0 ? $"{SectionName}:StorageQuotaBytes must be 0 (no quota) or more, not {StorageQuotaBytes}."
        : EditorState.Problem($"{SectionName}:EditorState");
}
