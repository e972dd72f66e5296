namespace GrpcExports.Server.ProjectFiles;

/// <summary>
/// What a portable project file holds (format version 1): a zip with <c>manifest.json</c>, the editor state as
/// <c>editor-state.json</c>, and, when assets are included, each distinct asset content once as
/// <c>assets/&lt;sha256&gt;&lt;extension&gt;</c>.
/// </summary>
internal static class ProjectFileLayout
{
    public const int FormatVersion = 1;
    public const string ManifestEntry = "manifest.json";
    public const string EditorStateEntry = "editor-state.json";
    public const string ContentType = "application/zip";
    public const string Extension = ".gxproj";

    public static string AssetEntry(string sha256, string fileName) => $"assets/{sha256}{Path.GetExtension(fileName).ToLowerInvariant()}";
}
