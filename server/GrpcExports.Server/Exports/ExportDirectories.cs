using GrpcExports.Server.Database;

namespace GrpcExports.Server.Exports;

/// <summary>Where finished exports are written and where documents' assets are looked up, as absolute paths.</summary>
internal sealed record ExportDirectories(string Output, string Media)
{
    /// <summary>The folder of the output directory that holds the renderers' scratch folders, one per export.</summary>
    public const string ScratchFolder = ".scratch";

    /// <summary>Where the render of <paramref name="exportId"/> keeps its scratch files, so that leftovers can be traced to their export.</summary>
    public string Scratch(Guid exportId) => Path.Combine(Output, ScratchFolder, exportId.ToString());

    /// <summary>The configured directories (relative to <paramref name="contentRoot"/>), or <c>exports</c> and <c>media</c> under the data directory.</summary>
    public static ExportDirectories From(ExportsOptions exports, DatabaseOptions database, string contentRoot)
    {
        var dataDirectory = database.ResolveDataDirectory(contentRoot);
        return new ExportDirectories(
            string.IsNullOrWhiteSpace(exports.OutputDirectory) ? Path.Combine(dataDirectory, "exports") : Path.GetFullPath(exports.OutputDirectory, contentRoot),
            string.IsNullOrWhiteSpace(exports.MediaDirectory) ? Path.Combine(dataDirectory, "media") : Path.GetFullPath(exports.MediaDirectory, contentRoot));
    }
}
